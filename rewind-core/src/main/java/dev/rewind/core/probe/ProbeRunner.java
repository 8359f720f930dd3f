package dev.rewind.core.probe;

import dev.rewind.core.probe.internal.BoundedProbe;
import dev.rewind.core.probe.internal.LagHistogram;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs probes continuously, each on its own interval. One scheduler thread plans every check; each check runs on
 * its own virtual thread, so thousands of probes cost no thread while they wait. A probe never overlaps itself:
 * its next check is planned when the current one ends — one interval after the planned start when it passed (missed
 * starts are skipped, not run in a burst), one retry interval after it when it failed, so consecutive failures are
 * counted in seconds rather than intervals. The first checks start 1 ms apart, so a handful of probes all start at
 * once while a fleet ramps up at 1,000 first checks a second (a cold JVM is slow) and then keeps its starts spread
 * over the interval instead of firing in one burst.
 *
 * <pre>{@code
 * try (ProbeRunner runner = new ProbeRunner(probes, result -> log(result)).start()) {
 *     ... runner.state() ...
 * }
 * }</pre>
 */
public final class ProbeRunner implements AutoCloseable {

    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);
    /** The first checks start this far apart: at most 1,000 a second while the JVM is still cold. */
    private static final long FIRST_CHECK_GAP_NANOS = 1_000_000;

    private final List<Slot> slots;
    private final Consumer<ProbeResult> listener;
    private final Duration retryInterval;
    private final LagHistogram lag = new LagHistogram();
    private final AtomicReference<LagHistogram> lagWindow = new AtomicReference<>(new LagHistogram());
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService checks;
    private volatile boolean started;
    private volatile boolean closed;

    public ProbeRunner(List<Probe> probes, Consumer<ProbeResult> listener) {
        this(probes, listener, DEFAULT_RETRY_INTERVAL);
    }

    /**
     * @param listener      gets every result, from many threads at once; it must be thread-safe and quick
     * @param retryInterval the wait before re-checking a failed probe (capped at the probe's interval)
     */
    public ProbeRunner(List<Probe> probes, Consumer<ProbeResult> listener, Duration retryInterval) {
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("retryInterval must be positive, was " + retryInterval);
        }
        this.slots = probes.stream().map(Slot::new).toList();
        this.listener = listener;
        this.retryInterval = retryInterval;
        this.scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("rewind-probe-scheduler").daemon().factory());
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.checks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rewind-probe-check-", 0).factory());
    }

    /** Plans the first check of every probe; returns this runner. */
    public synchronized ProbeRunner start() {
        if (closed || started) {
            throw new IllegalStateException(closed ? "this ProbeRunner is closed" : "this ProbeRunner is already started");
        }
        started = true;
        long now = System.nanoTime();
        for (int i = 0; i < slots.size(); i++) {
            plan(slots.get(i), now + FIRST_CHECK_GAP_NANOS * i);
        }
        return this;
    }

    /** Every probe's latest result and counts, in the order the probes were given. */
    public List<ProbeState> state() {
        return slots.stream().map(slot -> slot.state).toList();
    }

    /** How late checks started compared with their plan, over every check so far. */
    public SchedulingLag lag() {
        return lag.snapshot();
    }

    /**
     * How late checks started since the previous call (or the start), and a new window from now: for reporting the
     * lag every minute, or measuring it after a warm-up.
     */
    public SchedulingLag lagWindow() {
        return lagWindow.getAndSet(new LagHistogram()).snapshot();
    }

    private void plan(Slot slot, long dueNanos) {
        if (closed) {
            return;
        }
        try {
            scheduler.schedule(() -> dispatch(slot, dueNanos), dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            if (!closed) {
                throw e;
            }
            LOG.debug("not planning {}: the runner is closing", slot.probe.config().name());
        }
    }

    private void dispatch(Slot slot, long dueNanos) {
        try {
            checks.execute(() -> run(slot, dueNanos));
        } catch (RejectedExecutionException e) {
            if (!closed) {
                LOG.error("could not start a check of {}", slot.probe.config().name(), e);
            }
        }
    }

    private void run(Slot slot, long dueNanos) {
        long late = System.nanoTime() - dueNanos;
        lag.record(late);
        lagWindow.get().record(late);
        ProbeResult result = slot.probe.check();
        if (closed) {
            return;
        }
        slot.state = slot.state.after(result);
        deliver(result);
        plan(slot, next(slot, dueNanos, result.ok()));
    }

    private long next(Slot slot, long dueNanos, boolean ok) {
        long now = System.nanoTime();
        if (!ok) {
            return Math.max(dueNanos + Math.min(retryInterval.toNanos(), slot.interval), now);
        }
        long next = dueNanos + slot.interval;
        return next >= now ? next : next + ((now - next) / slot.interval + 1) * slot.interval;
    }

    private void deliver(ProbeResult result) {
        try {
            listener.accept(result);
        } catch (RuntimeException e) {
            LOG.error("the probe listener failed on a result of {}; probing goes on", result.probe(), e);
        }
    }

    /** Stops planning, interrupts running checks (killing their commands) and waits for their threads to end. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        scheduler.shutdownNow();
        checks.shutdownNow();
        try {
            Duration wait = BoundedProbe.GRACE.multipliedBy(3);
            if (!checks.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)
                    || !scheduler.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("probe threads still running {} after close", wait);
            }
        } catch (InterruptedException e) {
            LOG.warn("interrupted while waiting for probe threads to end", e);
            Thread.currentThread().interrupt();
        }
    }

    /** One probe and where it stands; written only by its own (never overlapping) checks. */
    private static final class Slot {
        final Probe probe;
        final long interval;
        volatile ProbeState state;

        Slot(Probe probe) {
            this.probe = probe;
            this.interval = Math.max(1, probe.config().interval().toNanos());
            this.state = ProbeState.initial(probe);
        }
    }
}
