package dev.rewind.core.signal;

import dev.rewind.core.store.UserReport;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@code rewind report-issue ENV --by NAME} did: the report recorded and the count it makes.
 *
 * @param id          the report's id
 * @param environment the environment reported
 * @param reporter    who reported
 * @param note        what they saw, or null
 * @param at          when
 * @param count       the environment's reports within the counting window, this one included
 */
public record ReportResult(String id, String environment, String reporter, String note, Instant at,
                           ReportCount count) {

    static ReportResult of(UserReport report, ReportCount count) {
        return new ReportResult(report.id(), report.environment(), report.reporter(), report.note(), report.at(),
                count);
    }

    /** The counting window, for text output. */
    public Duration window() {
        return count.window();
    }
}
