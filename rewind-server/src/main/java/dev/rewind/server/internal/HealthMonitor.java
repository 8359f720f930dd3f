package dev.rewind.server.internal;

import dev.rewind.core.Rewind;
import dev.rewind.core.probe.CheckResult;
import dev.rewind.server.metrics.RewindMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every environment's probes at start and then every interval, in the background; requests read the cache and
 * every result is counted in the metrics.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final Rewind rewind;
    private final RewindMetrics metrics;
    private final Map<String, Health> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rewind-health");
        thread.setDaemon(true);
        return thread;
    });

    public HealthMonitor(Rewind rewind, Duration interval, RewindMetrics metrics) {
        this.rewind = rewind;
        this.metrics = metrics;
        timer.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    Health of(String environment) {
        return latest.getOrDefault(environment, Health.UNKNOWN);
    }

    private void checkAll() {
        rewind.config().environments().keySet().forEach(this::check);
    }

    private void check(String environment) {
        try {
            CheckResult result = rewind.check(environment);
            latest.put(environment, new Health(now(), result.ok(), result.results()));
            result.results().forEach(probe -> metrics.probe(environment, probe));
        } catch (RuntimeException e) {
            LOG.warn("the probes of {} could not run: {}", environment, e.getMessage());
            latest.put(environment, new Health(now(), null, List.of()));
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
