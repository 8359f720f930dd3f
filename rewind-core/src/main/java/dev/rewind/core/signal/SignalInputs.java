package dev.rewind.core.signal;

import dev.rewind.core.probe.ProbeResult;
import dev.rewind.core.store.UserReport;
import java.util.List;
import java.util.Map;

/**
 * What {@link Signals} needs beyond the config, from the parts of Rewind that own it. Nulls mean empty.
 *
 * @param latestResults       the latest result of each probe (if a probe appears twice, its newest counts)
 * @param consecutiveFailures probe name → how many times in a row it has failed up to now
 * @param pids                component name → pid of its running process ({@code process} driver)
 * @param reports             the environment's user reports, at least those of the report window, e.g.
 *                            {@code store.reports(env, at.minus(UserReports.DEFAULT_WINDOW))}
 * @param baseline            the live release's baseline ({@code store.baseline(releaseId)}), empty if none
 */
public record SignalInputs(List<ProbeResult> latestResults, Map<String, Integer> consecutiveFailures,
                           Map<String, Long> pids, List<UserReport> reports, Map<String, Double> baseline) {

    public SignalInputs {
        latestResults = latestResults == null ? List.of() : List.copyOf(latestResults);
        consecutiveFailures = consecutiveFailures == null ? Map.of() : Map.copyOf(consecutiveFailures);
        pids = pids == null ? Map.of() : Map.copyOf(pids);
        reports = reports == null ? List.of() : List.copyOf(reports);
        baseline = baseline == null ? Map.of() : Map.copyOf(baseline);
    }

    /** No results, failures, processes, reports or baseline. */
    public static SignalInputs none() {
        return new SignalInputs(null, null, null, null, null);
    }
}
