package dev.rewind.core.signal;

import static java.util.Objects.requireNonNull;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.UserReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * User reports: recording one ({@code rewind report-issue}) and counting them. Reporters are told apart
 * ignoring case and surrounding spaces, so "Ana" and "ana " are one reporter.
 */
public final class UserReports {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);

    private final StateStore store;
    private final Duration window;

    public UserReports(StateStore store, Duration window) {
        this.store = requireNonNull(store, "store");
        this.window = requireNonNull(window, "window");
    }

    /** Records a report by {@code reporter} (audited as done by {@code actor}) and counts the window's reports. */
    public ReportResult record(String environment, String reporter, String note, String actor, Instant at) {
        if (reporter == null || reporter.isBlank()) {
            throw new RewindException(ErrorCode.USAGE, "a report needs a reporter\n    fix: add --by NAME");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        UserReport report = UserReport.create(environment, reporter.strip(), text, at);
        store.insertReport(report);
        store.appendEvent(new Event(Ids.event(), report.at(), actor, environment, "issue.reported", report.id(), null));
        return ReportResult.of(report, count(environment, at));
    }

    /** The environment's reports in the window up to {@code now}. */
    public ReportCount count(String environment, Instant now) {
        return count(store.reports(environment, now.minus(window)), now, window);
    }

    /** Counts the reports with {@code now - window <= at <= now}. */
    public static ReportCount count(List<UserReport> reports, Instant now, Duration window) {
        Instant from = now.minus(window);
        List<UserReport> inWindow = reports.stream()
                .filter(r -> !r.at().isBefore(from) && !r.at().isAfter(now))
                .sorted(Comparator.comparing(UserReport::at).reversed())
                .toList();
        Set<String> seen = new HashSet<>();
        List<String> reporters = new ArrayList<>();
        for (UserReport report : inWindow) {
            if (seen.add(report.reporter().strip().toLowerCase(Locale.ROOT))) {
                reporters.add(report.reporter().strip());
            }
        }
        return new ReportCount(reporters.size(), inWindow.size(), window, reporters);
    }
}
