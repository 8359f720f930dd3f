package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.backup.BackupResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind backup ENV [--standby]}: takes a backup set of every datastore now, and with --standby restores it ahead. */
@Command(name = "backup", description = "Take a backup set of every datastore of an environment now.")
final class BackupCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Option(names = "--standby", description = "then restore the set beside the live data as the environment's"
            + " standby (replacing the older one), so that a rollback to it only checks, stops, swaps and starts")
    boolean standby;

    @Override
    int execute(Rewind rewind) {
        BackupResult result;
        try (TerminalProgress progress = new TerminalProgress(context())) {
            result = rewind.backup(environment, standby, context().user(), progress);
        }
        print(result, BackupCommand::text);
        return 0;
    }

    private static String text(BackupResult r) {
        StringBuilder out = new StringBuilder();
        for (BackupResult.ItemSummary item : r.items()) {
            out.append("✓ ").append(item.datastore()).append("  ").append(item.strategy()).append("  ");
            if ("postgres".equals(item.kind())) {
                out.append(Text.plural(item.tables(), "table", "tables")).append(", ")
                        .append(Text.plural((int) Math.min(Integer.MAX_VALUE, item.rows()), "row", "rows"))
                        .append(", schema ").append(Text.orDash(item.schemaVersion()));
                if (item.files() > 0) {
                    out.append(", ");
                }
            }
            if (item.files() > 0 || !"postgres".equals(item.kind())) {
                out.append(Text.plural(item.files(), "file", "files")).append(", ").append(Text.bytes(item.sizeBytes()));
            }
            out.append('\n');
        }
        out.append("backup ").append(r.id()).append(" of ").append(r.environment()).append(": ")
                .append(Text.bytes(r.sizeBytes())).append(" in ").append(Text.seconds(r.duration())).append('\n');
        r.pruned().forEach(id -> out.append("  retention removed ").append(id).append('\n'));
        if (r.standby() != null) {
            r.standby().datastores().forEach(s -> out.append("✓ standby ").append(s.datastore()).append("  ")
                    .append(s.detail()).append('\n'));
            r.standby().removed().forEach(name -> out.append("  removed the older standby ").append(name).append('\n'));
            out.append("standby of ").append(r.id()).append(" ready in ").append(Text.seconds(r.standby().duration()))
                    .append(": a rollback to it only checks, stops, swaps and starts\n");
        }
        return out.toString();
    }
}
