package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.backup.BackupsResult;
import dev.rewind.core.backup.StandbyMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rewind backups ENV [--verify]}: lists backup sets and which one has a ready standby; {@code --verify}
 * re-checks every checksum (exit 1 on a problem).
 */
@Command(name = "backups", description = "List backup sets and which has a ready standby; --verify re-checks every"
        + " checksum (exit 1 when one fails).")
final class BackupsCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Option(names = "--verify", description = "recompute every checksum and name each missing or altered file")
    boolean verify;

    @Override
    int execute(Rewind rewind) {
        BackupsResult result;
        try (TerminalProgress progress = new TerminalProgress(context())) {
            result = rewind.backupSets(environment, verify, progress);
        }
        print(result, BackupsCommand::text);
        return result.ok() ? 0 : 1;
    }

    private static String text(BackupsResult result) {
        if (result.sets().isEmpty()) {
            return "no backup sets for " + result.environment() + " yet; `rewind backup " + result.environment() + "` takes one\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(result.verified() ? List.of("ID", "STATUS", "CREATED", "SIZE", "RELEASE", "STANDBY", "VERIFIED")
                : List.of("ID", "STATUS", "CREATED", "SIZE", "RELEASE", "STANDBY"));
        StringBuilder problems = new StringBuilder();
        for (BackupsResult.Entry e : result.sets()) {
            List<String> row = new ArrayList<>(List.of(e.set().id(), e.set().status().toString(), Text.time(e.set().createdAt()),
                    Text.bytes(e.set().sizeBytes()), Text.orDash(e.set().releaseId()), standby(e.standby())));
            if (result.verified()) {
                row.add(e.verification() == null ? "-" : e.verification().ok() ? "✓ ok" : "✗ " + e.verification().problems().size() + " problems");
                if (e.verification() != null) {
                    e.verification().problems().forEach(p -> problems.append("✗ ").append(e.set().id()).append(": ").append(p).append('\n'));
                }
            }
            rows.add(row);
        }
        return Text.table(rows) + problems;
    }

    /** {@code ready (db, uploads)} when the set's standby is ready, else {@code -}. */
    private static String standby(StandbyMarker standby) {
        return standby == null ? "-" : "ready (" + standby.items().stream().map(StandbyMarker.Item::datastore)
                .collect(Collectors.joining(", ")) + ")";
    }
}
