package dev.rewind.server.metrics;

import dev.rewind.core.RewindException;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.StateStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link RewindMetrics} from the state store, where CLI processes record their runs and decisions too: every
 * poll records each run that finished and each decision taken since the previous poll, exactly once. The first poll
 * records the store's history, so the counters equal the store's totals and do not drop when the server restarts.
 * A run that is resumed and finishes again counts again, with its new outcome.
 */
public final class StorePoller implements AutoCloseable {

    /** Decisions read per environment after the first poll: far more than a poll interval sees. */
    static final int RECENT_DECISIONS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(StorePoller.class);

    private final StateStore store;
    private final List<String> environments;
    private final RewindMetrics metrics;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("rewind-metrics").factory());
    private final Set<String> runsSeen = new HashSet<>();
    private final Set<String> decisionsSeen = new HashSet<>();
    private boolean first = true;

    public StorePoller(StateStore store, List<String> environments, RewindMetrics metrics) {
        this.store = store;
        this.environments = List.copyOf(environments);
        this.metrics = metrics;
    }

    /** Polls now and then every {@code interval}; a failing poll is logged and the next one tries again. */
    public StorePoller start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::pollLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Records what finished since the previous poll. What was recorded is remembered at once, so a poll that fails
     * half-way records nothing twice; what is remembered is bounded by what the latest poll read.
     */
    public synchronized void poll() {
        Set<String> runs = new HashSet<>();
        Set<String> decisions = new HashSet<>();
        int limit = first ? Integer.MAX_VALUE : RECENT_DECISIONS;
        for (String environment : environments) {
            for (Run run : store.runs(environment)) {
                if (run.status() != RunStatus.RUNNING) {
                    String finish = run.id() + "@" + run.finishedAt();
                    runs.add(finish);
                    if (!runsSeen.contains(finish)) {
                        metrics.run(run, store.steps(run.id()));
                        runsSeen.add(finish);
                    }
                }
            }
            for (Decision decision : store.decisions(environment, limit)) {
                decisions.add(decision.id());
                if (decisionsSeen.add(decision.id())) {
                    metrics.decision(decision);
                }
            }
        }
        runsSeen.retainAll(runs);
        decisionsSeen.retainAll(decisions);
        first = false;
    }

    private void pollLogged() {
        try {
            poll();
        } catch (RewindException e) {
            LOG.warn("metrics: cannot read the state store {}: {}", store.location(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("metrics: polling the state store {} failed", store.location(), e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
