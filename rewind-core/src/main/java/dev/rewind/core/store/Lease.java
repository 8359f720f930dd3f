package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The lock on one environment: at most one run acts on an environment at a time.
 *
 * @param environment the environment locked
 * @param runId       the run holding it
 * @param holder      who runs it, e.g. {@code rollback by alice}
 * @param host        the host the holding process runs on
 * @param pid         the holding process's id on that host
 * @param acquiredAt  when the run took it
 * @param heartbeatAt when the holder last renewed it
 * @param expiresAt   when it lapses unless renewed
 */
public record Lease(String environment, String runId, String holder, String host, long pid, Instant acquiredAt,
                    Instant heartbeatAt, Instant expiresAt) {

    public Lease {
        requireNonNull(environment, "environment");
        requireNonNull(runId, "runId");
        requireNonNull(holder, "holder");
        requireNonNull(host, "host");
        acquiredAt = Values.requiredMillis(acquiredAt, "acquiredAt");
        heartbeatAt = Values.requiredMillis(heartbeatAt, "heartbeatAt");
        expiresAt = Values.requiredMillis(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
