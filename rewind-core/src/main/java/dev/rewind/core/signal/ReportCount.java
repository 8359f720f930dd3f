package dev.rewind.core.signal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The user reports of an environment within a window (seed 001: 3+ unique reporters → evaluate).
 *
 * @param unique    distinct reporters (one person reporting five times counts once)
 * @param total     reports
 * @param window    how far back they were counted
 * @param reporters the distinct reporters, as first written, most recent first
 */
public record ReportCount(long unique, long total, Duration window, List<String> reporters) {

    public ReportCount {
        reporters = List.copyOf(reporters);
    }

    /** {@code reports} in a rule: {@code {unique, total}}. */
    public Map<String, Object> toCel() {
        return Map.of("unique", unique, "total", total);
    }
}
