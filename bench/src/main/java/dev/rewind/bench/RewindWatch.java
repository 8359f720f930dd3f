package dev.rewind.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewind's way: {@code rewind watch production --for 10m --json} as a child process ({@link RewindCli}), started
 * while the bad release still answers healthy; it decides, rolls back, and exits 3. Its JSON gives the decision and
 * the rollback's journal.
 */
final class RewindWatch {

    /** The exit code of a watch that rolled back. */
    static final int ROLLED_BACK = 3;
    static final String FIRST_STEP = "decision → first step (decision recorded, rollback planned, lock taken)";

    /**
     * What the watch did.
     *
     * @param decided  when it decided to roll back (the decision's {@code at})
     * @param rule     the rule that decided
     * @param verified when the rollback's {@code verify} step finished
     * @param downtime the rollback's journal: first {@code stop} step started → last {@code start} step finished
     * @param kept     datastore → where the rollback kept the replaced live data
     * @param steps    the rollback's steps
     */
    record Result(Instant decided, String rule, Instant verified, Duration downtime, Map<String, String> kept,
                  List<Measured.Part> steps) {}

    private RewindWatch() {}

    static Result run(RollbackProject project, Path cliJar, Path scratch) {
        RewindCli.Run run = RewindCli.run(project, cliJar, scratch, "watch", "watch", RollbackProject.ENV, "--for",
                "10m", "--json");
        JsonNode json = run.json();
        JsonNode rollback = json.path("rollback");
        if (run.exit() != ROLLED_BACK || !"succeeded".equals(rollback.path("status").asText())) {
            throw run.failed("did not roll back (decision " + json.path("decision").path("verdict").asText() + ": "
                    + json.path("decision").path("reason").asText() + "; rollback '"
                    + rollback.path("status").asText() + "': " + rollback.path("error").asText() + ")");
        }
        Instant decided = Instant.parse(json.path("decision").path("at").asText());
        Instant verified = null;
        List<Measured.Part> steps = new ArrayList<>();
        for (JsonNode step : rollback.path("steps")) {
            Instant started = Instant.parse(step.path("started_at").asText());
            Instant finished = Instant.parse(step.path("finished_at").asText());
            if (steps.isEmpty()) {
                steps.add(new Measured.Part(FIRST_STEP, Duration.between(decided, started)));
            }
            steps.add(new Measured.Part(step.path("name").asText(), Duration.between(started, finished)));
            if ("verify".equals(step.path("name").asText())) {
                verified = finished;
            }
        }
        if (verified == null) {
            throw run.failed("left a journal without a verify step");
        }
        return new Result(decided, json.path("decision").path("rule").asText(), verified,
                RewindCli.downtime(rollback, run), RewindCli.kept(rollback), steps);
    }
}
