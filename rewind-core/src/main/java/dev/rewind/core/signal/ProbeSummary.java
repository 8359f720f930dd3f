package dev.rewind.core.signal;

import java.util.Map;

/**
 * The probes' latest state: {@code probes} in a rule.
 *
 * @param failingConsecutive the most consecutive failures of any one probe
 * @param failing            probes whose latest result failed
 * @param total              probes with a result
 * @param ok                 every probe has a result and the latest of each passed (false when there is none)
 */
public record ProbeSummary(long failingConsecutive, long failing, long total, boolean ok) {

    public Map<String, Object> toCel() {
        return Map.of("failing_consecutive", failingConsecutive, "failing", failing, "total", total, "ok", ok);
    }
}
