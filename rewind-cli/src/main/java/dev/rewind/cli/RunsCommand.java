package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.RunsResult;
import dev.rewind.core.store.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rewind runs ENV}: the environment's runs, newest first. */
@Command(name = "runs", description = "Runs (rollbacks, deploys, drills) of an environment, newest first.")
final class RunsCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Override
    int execute(Rewind rewind) {
        print(rewind.runs(environment), RunsCommand::text);
        return 0;
    }

    private static String text(RunsResult result) {
        if (result.runs().isEmpty()) {
            return "no runs in " + result.environment() + " yet\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("RUN", "KIND", "STATUS", "STARTED", "TOOK", "BY", "ERROR"));
        for (Run r : result.runs()) {
            rows.add(List.of(r.id(), r.kind().toString(), r.status().toString(), Text.time(r.startedAt()),
                    r.finishedAt() == null ? "-" : Text.seconds(Duration.between(r.startedAt(), r.finishedAt())),
                    r.actor(), r.error() == null ? "" : r.error().lines().findFirst().orElse("")));
        }
        return Text.table(rows);
    }
}
