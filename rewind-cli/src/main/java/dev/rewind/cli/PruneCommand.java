package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.backup.PruneResult;
import dev.rewind.core.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind prune ENV [--older-than 7d] [--yes]}: lists old backup sets and kept failed state; removes with --yes. */
@Command(name = "prune", description = "List old backup sets and kept failed databases/directories; remove them with --yes.")
final class PruneCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Option(names = "--older-than", paramLabel = "AGE", defaultValue = "7d", description = "only what is older (default: ${DEFAULT-VALUE})")
    Duration olderThan;

    @Option(names = "--yes", description = "remove what is listed (without it, prune only lists)")
    boolean yes;

    @Override
    int execute(Rewind rewind) {
        print(rewind.prune(environment, olderThan, yes, context().user()), PruneCommand::text);
        return 0;
    }

    private static String text(PruneResult r) {
        if (r.candidates().isEmpty()) {
            return "nothing in " + r.environment() + " is older than " + Durations.format(r.olderThan()) + "\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("KIND", "NAME", "CREATED", "SIZE"));
        r.candidates().forEach(c -> rows.add(List.of(c.kind().replace('_', ' '), c.name(), Text.time(c.createdAt()), Text.bytes(c.sizeBytes()))));
        return Text.table(rows) + (r.applied()
                ? "removed " + r.candidates().size() + " items, " + Text.bytes(r.totalBytes()) + "\n"
                : "would free " + Text.bytes(r.totalBytes()) + "; run again with --yes to remove these\n");
    }
}
