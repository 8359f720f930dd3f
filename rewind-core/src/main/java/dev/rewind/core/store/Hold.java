package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An operator's order not to roll an environment back automatically, until it expires or is released.
 *
 * @param id          {@code hold-…}, see {@link Ids#hold()}
 * @param environment the environment held
 * @param reason      why, in the operator's words
 * @param createdBy   who placed it
 * @param createdAt   when (kept to the millisecond)
 * @param expiresAt   when it stops applying by itself
 * @param releasedAt  when it was released early, or null
 * @param releasedBy  who released it, or null
 */
public record Hold(
        String id,
        String environment,
        String reason,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant releasedAt,
        String releasedBy) {

    public Hold {
        requireNonNull(id, "id");
        requireNonNull(environment, "environment");
        requireNonNull(reason, "reason");
        requireNonNull(createdBy, "createdBy");
        createdAt = Values.requiredMillis(createdAt, "createdAt");
        expiresAt = Values.requiredMillis(expiresAt, "expiresAt");
        releasedAt = Values.millis(releasedAt);
    }

    /** True if the hold applies at {@code now}: not released and not yet expired. */
    public boolean activeAt(Instant now) {
        return releasedAt == null && expiresAt.isAfter(now);
    }
}
