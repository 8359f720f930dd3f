package dev.rewind.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.config.Durations;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rewind's way: {@code rewind rollback production --yes --json} as a child process, as an operator runs it
 * ({@link RewindCli}), timed from process start to exit; its JSON gives the run's journal. It must have taken over
 * the set's standby for every datastore.
 */
final class RewindRollback {

    /** The measurement, and where the run kept the replaced data (datastore → database or directory name). */
    record Result(Measured measured, Map<String, String> kept) {}

    private RewindRollback() {}

    static Result run(RollbackProject project, Path cliJar, Path scratch) {
        try (HealthPoller poller = HealthPoller.start(project.health())) {
            RewindCli.Run run = RewindCli.run(project, cliJar, scratch, "rollback", "rollback", RollbackProject.ENV,
                    "--yes", "--json");
            HealthPoller.Seen seen = poller.stop();
            JsonNode json = run.json();
            if (run.exit() != 0 || !"succeeded".equals(json.path("status").asText())) {
                throw run.failed("ended with status '" + json.path("status").asText() + "': "
                        + json.path("error").asText());
            }
            requireStandbyUsed(json, run);
            Measured measured = new Measured(run.whole(), RewindCli.downtime(json, run), seen,
                    RewindCli.journal(json, run), Durations.parse(json.path("duration").asText()),
                    Durations.parse(json.path("downtime").asText()));
            return new Result(measured, RewindCli.kept(json));
        }
    }

    private static void requireStandbyUsed(JsonNode json, RewindCli.Run run) {
        for (JsonNode step : json.path("steps")) {
            if (step.path("name").asText().equals("prepare")) {
                for (JsonNode datastore : Json.readTree(step.path("output_json").asText()).path("datastores")) {
                    if (!datastore.path("standby").path("used").asBoolean()) {
                        throw run.failed("did not use the standby of " + datastore.path("datastore").asText() + ": "
                                + datastore.path("standby").path("reason").asText());
                    }
                }
            }
        }
    }

    /** {@code rollback --dry-run} once, untimed, so the class-data sharing archive exists (see {@link RewindCli}). */
    static void warmUp(RollbackProject project, Path cliJar, Path scratch) {
        RewindCli.warmUp(project, cliJar, scratch, "rollback", RollbackProject.ENV, "--dry-run");
    }
}
