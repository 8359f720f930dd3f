package dev.rewind.core.probe.internal;

import dev.rewind.core.config.ProbeConfig;
import dev.rewind.core.probe.Probe;
import dev.rewind.core.probe.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part every probe shares: it times the attempt, names the result, turns an unexpected exception into a failed
 * result, and bounds the attempt. Unless a probe {@linkplain #boundsItself() bounds itself}, each attempt runs on its
 * own virtual thread; if it has not answered one {@link #GRACE} after the probe's timeout (it is stuck where its own
 * timeout does not reach, e.g. a DNS lookup), it is interrupted and abandoned, and the result says it timed out.
 */
public abstract class BoundedProbe implements Probe {

    /** How long past its timeout an attempt may take before it is abandoned. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(BoundedProbe.class);

    private final String component;
    private final Clock clock;

    protected BoundedProbe(String component, Clock clock) {
        this.component = component;
        this.clock = clock;
    }

    /**
     * Whether {@link #attempt} is bounded by the timeout on its own in every case, so it can run on the caller's
     * thread with no watchdog thread (the HTTP probe: the client does its I/O and DNS off the caller's thread).
     */
    protected boolean boundsItself() {
        return false;
    }

    /**
     * One attempt, within {@code config().timeout()} where it can. Failures it understands are failed outcomes;
     * it throws only on the unexpected, or {@link InterruptedException} when stopped.
     *
     * @param startNanos {@link System#nanoTime()} when the check started, to measure latency against
     */
    protected abstract Outcome attempt(long startNanos) throws Exception;

    @Override
    public String component() {
        return component;
    }

    @Override
    public final ProbeResult check() {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long start = System.nanoTime();
        Outcome outcome = boundsItself() ? direct(start) : bounded(start);
        Duration latency = Duration.ofMillis((System.nanoTime() - start) / 1_000_000);
        return new ProbeResult(component, config().name(), kind(), at, outcome.ok(), latency, outcome.reason(),
                outcome.status(), outcome.body());
    }

    private Outcome direct(long start) {
        try {
            return attempt(start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("stopped before it finished");
        } catch (Exception e) {
            return unexpected(e);
        }
    }

    private Outcome bounded(long start) {
        FutureTask<Outcome> task = new FutureTask<>(() -> attempt(start));
        Thread thread = Thread.ofVirtual().name("rewind-probe " + config().name()).start(task);
        try {
            return task.get(config().timeout().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            LOG.warn("probe {} of {} did not return within its timeout of {}; abandoned it", config().name(), component,
                    Texts.limit(config().timeout()));
            return Outcome.failed(Texts.timedOut(config().timeout()));
        } catch (ExecutionException e) {
            return unexpected(e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            awaitEnd(thread);
            Thread.currentThread().interrupt();
            return Outcome.failed("stopped before it finished");
        }
    }

    private Outcome unexpected(Throwable error) {
        LOG.warn("probe {} of {} failed unexpectedly", config().name(), component, error);
        return Outcome.failed("probe failed unexpectedly: " + error);
    }

    /** Gives an interrupted attempt a moment to clean up (kill its process, close its socket). */
    private void awaitEnd(Thread thread) {
        try {
            if (!thread.join(GRACE)) {
                LOG.warn("probe {} of {} still running {} after it was stopped", config().name(), component,
                        Texts.limit(GRACE));
            }
        } catch (InterruptedException again) {
            LOG.debug("stopped waiting for probe {} of {} to end", config().name(), component, again);
            Thread.currentThread().interrupt();
        }
    }
}
