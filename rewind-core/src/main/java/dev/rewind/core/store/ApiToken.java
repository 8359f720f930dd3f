package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A token of the REST API. Its secret is never stored, only the secret's SHA-256.
 *
 * @param name       who or what uses it, unique among tokens not revoked; the API's audit trail names it
 *                   {@code token:<name>}
 * @param role       what it may do
 * @param sha256     the SHA-256 of the secret, in lower-case hex; not part of any output
 * @param createdAt  when it was created (kept to the millisecond)
 * @param createdBy  who created it
 * @param revokedAt  when it was revoked, or null
 * @param lastUsedAt when it last authenticated a request, or null
 */
public record ApiToken(
        String name,
        Role role,
        @JsonIgnore String sha256,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        Instant lastUsedAt) {

    public ApiToken {
        requireNonNull(name, "name");
        requireNonNull(role, "role");
        requireNonNull(sha256, "sha256");
        createdAt = Values.requiredMillis(createdAt, "createdAt");
        requireNonNull(createdBy, "createdBy");
        revokedAt = Values.millis(revokedAt);
        lastUsedAt = Values.millis(lastUsedAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
