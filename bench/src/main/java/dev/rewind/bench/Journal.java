package dev.rewind.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Rewind run's journal (its {@code steps}, as {@code --json} and the REST API give them), read for the reports. */
final class Journal {

    private Journal() {}

    /**
     * The run's time, {@code whole} from {@code started}, split by its journal: {@code before} (until the first step
     * started), each step, the time between the steps (the journal's writes), and {@code after} (after the last step
     * finished). The parts add up to the whole.
     */
    static List<Measured.Part> parts(JsonNode steps, Instant started, Duration whole, String before, String after) {
        List<Measured.Part> parts = new ArrayList<>();
        parts.add(new Measured.Part(before, Duration.between(started, started(steps.get(0)))));
        Duration between = Duration.ZERO;
        Instant previous = null;
        for (JsonNode step : steps) {
            parts.add(new Measured.Part(step.path("name").asText(), Duration.between(started(step), finished(step))));
            if (previous != null) {
                between = between.plus(Duration.between(previous, started(step)));
            }
            previous = finished(step);
        }
        parts.add(new Measured.Part("between the steps (the journal's writes)", between));
        parts.add(new Measured.Part(after, whole.minus(Duration.between(started, previous))));
        return parts;
    }

    /** The downtime: the first {@code stop} step started → the last {@code start} step finished; empty without both. */
    static Optional<Duration> downtime(JsonNode steps) {
        Instant firstStop = null;
        Instant lastStart = null;
        for (JsonNode step : steps) {
            String name = step.path("name").asText();
            if (name.startsWith("stop ") && (firstStop == null || started(step).isBefore(firstStop))) {
                firstStop = started(step);
            }
            if (name.startsWith("start ") && (lastStart == null || finished(step).isAfter(lastStart))) {
                lastStart = finished(step);
            }
        }
        return firstStop == null || lastStart == null ? Optional.empty()
                : Optional.of(Duration.between(firstStop, lastStart));
    }

    private static Instant started(JsonNode step) {
        return Instant.parse(step.path("started_at").asText());
    }

    private static Instant finished(JsonNode step) {
        return Instant.parse(step.path("finished_at").asText());
    }
}
