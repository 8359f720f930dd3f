package dev.rewind.core.probe;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waits for a freshly started component's probes to pass, polling every {@link #POLL} so the downtime ends as soon
 * as the component answers, not at the next probe interval.
 */
public final class HealthWait {

    static final Duration POLL = Duration.ofMillis(50);

    private HealthWait() {}

    /** The time until every probe passed; fails after {@code timeout} with each failing probe's last reason. */
    public static Duration await(String component, List<Probe> probes, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<Probe> waiting = new ArrayList<>(probes);
        Map<String, String> reasons = new LinkedHashMap<>();
        while (true) {
            for (Probe probe : List.copyOf(waiting)) {
                ProbeResult result = probe.check();
                if (result.ok()) {
                    waiting.remove(probe);
                    reasons.remove(result.probe());
                } else {
                    reasons.put(result.probe(), result.reason());
                }
            }
            if (waiting.isEmpty()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new RewindException(ErrorCode.FAILED, component + " did not become healthy within "
                        + timeout.toSeconds() + " s (its start_timeout): " + reasons.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "))
                        + "\n    fix: read its log under .rewind/logs/, correct the cause, then resume the run");
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
