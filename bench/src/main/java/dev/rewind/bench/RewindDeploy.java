package dev.rewind.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Rewind's way: {@code rewind deploy production VERSION --watch 0s --json} as a child process, as an operator runs it
 * ({@link RewindCli}), timed from process start to exit; its JSON gives the run's journal.
 */
final class RewindDeploy {

    static final String BACKUP_STEP = "backup";

    /**
     * The measurement, and the time of the backup set within the deploy's {@code backup} step (the step's own
     * {@code took}: the step also measures the live release's baseline meanwhile, for {@code dump}).
     */
    record Result(Measured measured, Duration backupSet) {}

    private RewindDeploy() {}

    static Result run(RollbackProject project, Path cliJar, Path scratch, String version) {
        RewindCli.Run run = RewindCli.run(project, cliJar, scratch, "deploy", "deploy", RollbackProject.ENV, version,
                "--watch", "0s", "--json");
        JsonNode json = run.json();
        if (run.exit() != 0 || !"live".equals(json.path("status").asText())) {
            throw run.failed("ended with status '" + json.path("status").asText() + "': "
                    + json.path("trigger").asText());
        }
        Measured measured = new Measured(run.whole(), RewindCli.downtime(json, run), null, RewindCli.journal(json, run),
                Durations.parse(json.path("duration").asText()), null);
        return new Result(measured, backupSet(json.path("steps"))
                .orElseThrow(() -> run.failed("left a journal without the backup step's `took`")));
    }

    /** {@code deploy --dry-run} once, untimed, so the class-data sharing archive exists (see {@link RewindCli}). */
    static void warmUp(RollbackProject project, Path cliJar, Path scratch, String version) {
        RewindCli.warmUp(project, cliJar, scratch, "deploy", RollbackProject.ENV, version, "--dry-run");
    }

    /** The backup set's time within the deploy's {@code backup} step (the step's own {@code took}), from its journal. */
    static Optional<Duration> backupSet(JsonNode steps) {
        for (JsonNode step : steps) {
            if (BACKUP_STEP.equals(step.path("name").asText())) {
                JsonNode took = step.path("output_json").path("took");
                if (took.isTextual()) {
                    return Optional.of(Durations.parse(took.asText()));
                }
            }
        }
        return Optional.empty();
    }
}
