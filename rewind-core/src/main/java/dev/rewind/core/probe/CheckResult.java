package dev.rewind.core.probe;

import java.util.List;

/**
 * {@code rewind check ENV}: every probe of every component, run once.
 *
 * @param environment the environment checked
 * @param ok          whether every probe passed (true when there are none)
 * @param results     one per probe, in config order (components, then their probes)
 */
public record CheckResult(String environment, boolean ok, List<ProbeResult> results) {

    public CheckResult {
        results = List.copyOf(results);
    }

    /** The results that failed. */
    public List<ProbeResult> failed() {
        return results.stream().filter(r -> !r.ok()).toList();
    }
}
