package dev.rewind.core.backup;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Lease;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.workflow.EnvironmentLock;
import java.time.Clock;
import java.util.Optional;

/**
 * Keeps two standby preparations of one environment from running at once (each removes every standby of the
 * environment first, so they would drop each other's work), and {@code rewind prune} from removing the standby being
 * made. It is the environment lock's lease and heartbeat under a name of its own, {@code <environment>:standby}, not
 * the environment lock itself: a deploy prepares its standby while it holds that lock, and a preparation, a whole
 * restore, must never keep a rollback waiting. A second preparation exits 5 at once naming the holder, as a second run
 * does: an on-call engineer expects an answer, not a command that silently waits minutes for someone else's restore.
 * Only a {@link StandbyTask} of a newer set in the same process stops the holder and takes over. The lease's run id
 * is the set's id (how a {@link StandbyTask} finds the holder in its process), or a fresh one for prune.
 */
final class StandbyLock {

    private StandbyLock() {}

    /** Locks the environment's standby for preparing the standby of {@code setId}, or exits 5 naming the holder. */
    static EnvironmentLock acquire(StateStore store, String environment, String setId, Clock clock) {
        return EnvironmentLock.acquire(store, key(environment), setId, "preparing the standby of " + setId, clock,
                held -> locked(environment, held));
    }

    /** Locks the environment's standby for {@code rewind prune}, or empty while a preparation holds it. */
    static Optional<EnvironmentLock> tryAcquire(StateStore store, String environment, Clock clock) {
        try {
            return Optional.of(EnvironmentLock.acquire(store, key(environment), Ids.run(), "prune", clock,
                    held -> locked(environment, held)));
        } catch (RewindException e) {
            if (e.code() != ErrorCode.LOCKED) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** Fails (exit 5, naming the holder) while another process prepares the environment's standby. */
    static void requireFree(StateStore store, String environment, Clock clock) {
        holder(store, environment, clock).ifPresent(lease -> {
            throw locked(environment, Optional.of(lease));
        });
    }

    /** The lease of the preparation under way, if one is (its holder alive). */
    static Optional<Lease> holder(StateStore store, String environment, Clock clock) {
        return store.lease(key(environment)).filter(lease -> EnvironmentLock.alive(lease, clock.instant()));
    }

    private static String key(String environment) {
        return environment + ":standby";
    }

    private static RewindException locked(String environment, Optional<Lease> held) {
        String who = held.map(l -> " (" + l.holder() + ", pid " + l.pid() + " on " + l.host() + ", since "
                + l.acquiredAt() + ")").orElse(" (its PostgreSQL advisory lock is held)");
        return new RewindException(ErrorCode.LOCKED, "the standby of " + environment + " is locked by another"
                + " Rewind process" + who + "\n    fix: wait for it to end (`rewind backups " + environment
                + "` shows the standby ready), or stop that process; a preparation killed with -9 leaves its lock"
                + " stale, taken over at once on the same host and " + EnvironmentLock.TTL.toSeconds() + " s after"
                + " its last heartbeat from another");
    }
}
