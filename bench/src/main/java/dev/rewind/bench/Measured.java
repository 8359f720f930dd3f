package dev.rewind.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way's rollback or deploy, measured.
 *
 * @param whole            decision → done: Rewind's CLI process from start to exit; the runbook's or plain script's
 *                         steps from the stop to a healthy /health
 * @param downtime         first component stopped → healthy again, by the way's own clock (Rewind's journal)
 * @param seen             what a poller of /health saw from outside meanwhile, or null when none polled
 * @param parts            the steps and their times, in order
 * @param runDuration      the run's own {@code duration} (Rewind's JSON), or null
 * @param reportedDowntime the run's own {@code downtime} (Rewind's JSON), or null
 */
record Measured(Duration whole, Duration downtime, HealthPoller.Seen seen, List<Part> parts, Duration runDuration,
                Duration reportedDowntime) {

    record Part(String name, Duration time) {

        /** Runs {@code work} and times it. */
        static Part of(String name, Runnable work) {
            return new Part(name, Timed.run(work).duration());
        }

        /** Each part's times over {@code runs}, by name, in the order the parts first appear. */
        static Map<String, List<Duration>> byName(List<List<Part>> runs) {
            Map<String, List<Duration>> parts = new LinkedHashMap<>();
            runs.forEach(run -> run.forEach(p -> parts.computeIfAbsent(p.name(), n -> new ArrayList<>())
                    .add(p.time())));
            return parts;
        }
    }

    /**
     * Start → the {@code verify} part finished: the whole without what comes after the verification (recording,
     * announcing, the incident report, the process's exit); the whole when there is no {@code verify} part.
     */
    Duration untilVerified() {
        Duration sum = Duration.ZERO;
        for (Part part : parts) {
            sum = sum.plus(part.time());
            if (part.name().equals("verify")) {
                return sum;
            }
        }
        return whole;
    }

    /** Logs the measurement and its parts (progress on stderr); returns it. */
    Measured logged(String way) {
        Log.info(way + ": whole " + Timed.format(whole) + ", downtime " + Timed.format(downtime)
                + (seen == null ? "" : ", from outside " + seen.describe()));
        parts.forEach(p -> Log.info("  " + p.name() + ": " + Timed.format(p.time())));
        return this;
    }

    /** Each part's times over {@code runs}, by name, in the order the parts first appear. */
    static Map<String, List<Duration>> partsByName(List<Measured> runs) {
        return Part.byName(runs.stream().map(Measured::parts).toList());
    }
}
