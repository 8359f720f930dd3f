package dev.rewind.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.config.Durations;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Rewind's backup as an operator takes it: {@code rewind backup production --json} as a child process
 * ({@link RewindCli}), timed from process start to exit.
 */
final class RewindBackup {

    /**
     * One set.
     *
     * @param id        the set's id
     * @param set       the set's own {@code duration} (its JSON)
     * @param whole     process start → exit
     * @param sizeBytes the set's size
     */
    record Result(String id, Duration set, Duration whole, long sizeBytes) {}

    private RewindBackup() {}

    static Result run(RollbackProject project, Path cliJar, Path scratch) {
        RewindCli.Run run = RewindCli.run(project, cliJar, scratch, "backup", "backup", RollbackProject.ENV, "--json");
        JsonNode json = run.json();
        if (run.exit() != 0 || !json.path("id").isTextual()) {
            throw run.failed("took no set");
        }
        Result result = new Result(json.path("id").asText(), Durations.parse(json.path("duration").asText()),
                run.whole(), json.path("size_bytes").asLong());
        Log.info("rewind backup " + result.id() + ": the set " + Timed.format(result.set()) + ", the process "
                + Timed.format(result.whole()));
        return result;
    }
}
