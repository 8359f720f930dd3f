package dev.rewind.cli;

import dev.rewind.core.ReleasesResult;
import dev.rewind.core.Rewind;
import dev.rewind.core.store.Release;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rewind releases ENV}: the release history, newest first. */
@Command(name = "releases", description = "Release history of an environment, newest first.")
final class ReleasesCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Override
    int execute(Rewind rewind) {
        print(rewind.releases(environment), ReleasesCommand::text);
        return 0;
    }

    private static String text(ReleasesResult result) {
        if (result.releases().isEmpty()) {
            return "no releases recorded for " + result.environment() + " yet; `rewind deploy "
                    + result.environment() + " VERSION` records one\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("VERSION", "STATUS", "DEPLOYED", "BY", "BACKUP", "ID"));
        for (Release r : result.releases()) {
            rows.add(List.of(r.version(), r.status().toString(), Text.time(r.deployedAt()), r.deployedBy(),
                    Text.orDash(r.backupId()), r.id()));
        }
        return Text.table(rows);
    }
}
