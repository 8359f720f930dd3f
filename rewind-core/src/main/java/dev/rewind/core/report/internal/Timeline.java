package dev.rewind.core.report.internal;

import dev.rewind.core.Json;
import dev.rewind.core.report.TimelineEntry;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges decisions, journal steps and audit events into one timeline. Entries are ordered by time; entries of the
 * same millisecond keep the order in which they can happen: decisions, a run's start events, its steps, its other
 * events, then the next run.
 */
public final class Timeline {

    private Timeline() {}

    public static List<TimelineEntry> of(Incident incident, List<Decision> decisions) {
        List<TimelineEntry> entries = new ArrayList<>();
        decisions.forEach(d -> entries.add(entry(d.at(), "decision", d.action(), null, null, Decisions.describe(d))));
        for (Run run : runs(incident)) {
            List<Event> events = incident.events().stream().filter(e -> run.id().equals(e.subject())).toList();
            events.stream().filter(Timeline::opens).forEach(e -> entries.add(entry(e)));
            List<RunStep> steps = run.equals(incident.rollback()) ? incident.rollbackSteps() : incident.parentSteps();
            steps.stream().filter(s -> s.startedAt() != null).forEach(s -> entries.add(entry(run, s)));
            events.stream().filter(e -> !opens(e)).forEach(e -> entries.add(entry(e)));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        if (entries.isEmpty()) {
            return entries;
        }
        Instant start = entries.getFirst().at();
        return entries.stream().map(e -> new TimelineEntry(e.at(), Duration.between(start, e.at()), e.kind(), e.what(),
                e.status(), e.took(), e.detail())).toList();
    }

    private static List<Run> runs(Incident incident) {
        List<Run> runs = new ArrayList<>();
        if (incident.parent() != null) {
            runs.add(incident.parent());
        }
        if (incident.rollback() != null) {
            runs.add(incident.rollback());
        }
        return runs;
    }

    private static boolean opens(Event event) {
        return event.action().endsWith(".started") || event.action().endsWith(".resumed");
    }

    private static TimelineEntry entry(Run run, RunStep step) {
        Duration took = step.finishedAt() == null ? null : Duration.between(step.startedAt(), step.finishedAt());
        String error = step.error() == null ? null : step.error().lines().findFirst().orElse("");
        return entry(step.startedAt(), run.kind() + " step", step.name(), step.status().toString(), took, error);
    }

    private static TimelineEntry entry(Event event) {
        String detail = event.detailJson() == null ? "" : ": " + oneLine(event.detailJson());
        return entry(event.at(), "event", event.action(), null, null, "by " + event.actor() + detail);
    }

    private static TimelineEntry entry(Instant at, String kind, String what, String status, Duration took,
                                       String detail) {
        return new TimelineEntry(at, Duration.ZERO, kind, what, status, took, detail);
    }

    /** JSON details on one line; other text as it is. */
    static String oneLine(String detail) {
        String trimmed = detail.strip();
        return trimmed.startsWith("{") || trimmed.startsWith("[") ? Json.readTree(trimmed).toString() : trimmed;
    }
}
