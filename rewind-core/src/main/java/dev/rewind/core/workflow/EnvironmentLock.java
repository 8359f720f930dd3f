package dev.rewind.core.workflow;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.Lease;
import dev.rewind.core.store.StateStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock that keeps two runs from acting on one environment at once: a lease row in the state store, renewed by a
 * heartbeat, plus an advisory lock when the store is PostgreSQL. A lease whose holder stopped renewing it (it lapses
 * after {@link #TTL}) or whose process is gone from this host is stale and is taken over.
 */
public final class EnvironmentLock implements AutoCloseable {

    public static final Duration TTL = Duration.ofSeconds(30);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentLock.class);

    private final StateStore store;
    private final Lease lease;
    private final AutoCloseable advisory;
    private final Clock clock;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean lost;

    private EnvironmentLock(StateStore store, Lease lease, AutoCloseable advisory, Clock clock) {
        this.store = store;
        this.lease = lease;
        this.advisory = advisory;
        this.clock = clock;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rewind-lock-" + lease.environment());
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(this::renew, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Locks {@code environment} for {@code runId}, or fails with exit code 5 naming the run that holds it and since
     * when.
     *
     * @param holder who runs it, e.g. {@code rollback by alice}
     */
    public static EnvironmentLock acquire(StateStore store, String environment, String runId, String holder, Clock clock) {
        return acquire(store, environment, runId, holder, clock, held -> locked(environment, held));
    }

    /**
     * Locks {@code key} (an environment, or another name with a lease of its own, such as an environment's standby)
     * for {@code runId}, or throws what {@code whenHeld} makes of the lease held (empty: only the advisory lock is).
     */
    public static EnvironmentLock acquire(StateStore store, String key, String runId, String holder, Clock clock,
                                          Function<Optional<Lease>, RewindException> whenHeld) {
        AutoCloseable advisory = store.tryAdvisoryLock("rewind:" + key)
                .orElseThrow(() -> whenHeld.apply(store.lease(key)));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Lease wanted = new Lease(key, runId, holder, host(), ProcessHandle.current().pid(), now, now, now.plus(TTL));
        Lease held = store.acquireLease(wanted, EnvironmentLock::holderGone);
        if (!held.equals(wanted)) {
            closeQuietly(advisory);
            throw whenHeld.apply(Optional.of(held));
        }
        return new EnvironmentLock(store, wanted, advisory, clock);
    }

    /** True when the lease's holder is still there to renew it: it has not lapsed and its process is not gone. */
    public static boolean alive(Lease lease, Instant now) {
        return !lease.expiredAt(now) && !holderGone(lease);
    }

    /** True when the lease's process ran on this host and is gone: nobody will renew it. */
    public static boolean holderGone(Lease lease) {
        return lease.host().equals(host()) && ProcessHandle.of(lease.pid()).map(p -> !p.isAlive()).orElse(true);
    }

    /** Fails if another run took the lease over (this process stalled past the lease's expiry). */
    public void check() {
        if (lost) {
            throw new RewindException(ErrorCode.LOCKED, "run " + lease.runId() + " lost its lock on "
                    + lease.environment() + " (its heartbeat lapsed and another run took the environment over)"
                    + "; it stopped before the next step\n    fix: see `rewind status " + lease.environment() + "`");
        }
    }

    private void renew() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            if (!store.renewLease(lease.environment(), lease.runId(), now, now.plus(TTL))) {
                lost = true;
            }
        } catch (RuntimeException e) {
            LOG.warn("could not renew the lock of {}: {}", lease.environment(), e.getMessage());
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            store.releaseLease(lease.environment(), lease.runId());
        } finally {
            closeQuietly(advisory);
        }
    }

    private static RewindException locked(String environment, Optional<Lease> held) {
        String who = held.map(l -> " by run " + l.runId() + " (" + l.holder() + ", pid " + l.pid() + " on " + l.host()
                + ") since " + l.acquiredAt()).orElse(" by another Rewind process (its PostgreSQL advisory lock is held)");
        String resume = held.map(l -> "; if that process died, `rewind " + l.holder().split(" ")[0] + " " + environment
                + " --resume " + l.runId() + "` takes the lock over (at once on the same host, " + TTL.toSeconds()
                + " s after its last heartbeat from another)").orElse("");
        return new RewindException(ErrorCode.LOCKED, "environment " + environment + " is locked" + who
                + "\n    fix: wait for that run to finish (`rewind status " + environment + "`)" + resume);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("could not close the advisory lock", e);
        }
    }
}
