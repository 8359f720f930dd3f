package dev.rewind.bench;

import static dev.rewind.bench.Shell.quote;

import dev.rewind.core.Rewind;
import dev.rewind.core.backup.BackupResult;
import dev.rewind.core.backup.Backups;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.driver.ComponentDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One strategy's scenario in a workspace of its own: generate the shop and its uploads, deploy v1, back up (Rewind's
 * set and the runbook's {@code pg_dump | gzip} and {@code tar czf}, at the same point). Then, per repetition: deploy
 * v2 and write after the backup; Rewind's rollback; a reset to the same v2 state (what Rewind kept, renamed back);
 * the runbook's rollback.
 */
final class RollbackRun {

    static final long V1_ITEMS = 3;
    static final long V2_ITEMS = 2;

    /** What a strategy's run measured. */
    record Outcome(String strategy, List<Measured> runbook, List<Measured> rewind, Map<String, String> sizes,
                   Machine machine) {}

    private final RollbackArgs args;
    private final String strategy;
    private final Map<String, String> sizes = new LinkedHashMap<>();

    RollbackRun(RollbackArgs args, String strategy) {
        this.args = args;
        this.strategy = strategy;
    }

    Outcome run(Workspace workspace) {
        String load = Machine.loadAverage();
        Log.info("strategy " + strategy + ": working in " + workspace.root() + "; starting PostgreSQL 15");
        BenchServer server = workspace.startServer();
        Shell shell = new Shell(workspace.dir("scratch"), Map.of("PGHOST", "localhost",
                "PGPORT", Integer.toString(server.port()), "PGUSER", BenchServer.USER));
        Path dir = workspace.dir("project");
        server.admin("CREATE DATABASE " + Bench.DATABASE);
        new ShopGenerator(server, Bench.DATABASE).generate(args.dbBytes());
        FileTreeGenerator.generate(dir.resolve(RewindWay.UPLOADS), args.files(), args.fileBytes());
        sizes.put("database (pg_database_size)", ByteSize.format(server.databaseSize(Bench.DATABASE)));
        sizes.put("uploads", String.format(Locale.ROOT, "%,d files, %s", args.files(),
                ByteSize.format(Sizes.tree(dir.resolve(RewindWay.UPLOADS)))));
        Machine machine = Machine.describe(shell, server, workspace.root(),
                Backups.Options.defaults(System.getenv("PATH")).jobs(), load);

        RollbackProject project = new RollbackProject(dir, server, strategy, args.appJar());
        workspace.beforeCleanup(project::stopQuietly);
        RunbookWay runbook = new RunbookWay(shell, Bench.DATABASE, workspace.dir("runbook"), dir);
        String backupId = deployV1AndBackUp(project, runbook);
        List<Measured> rewinds = new ArrayList<>();
        List<Measured> runbooks = new ArrayList<>();
        for (int i = 1; i <= args.repeat(); i++) {
            deployV2(project, backupId);
            if (i == 1) {
                RewindRollback.warmUp(project, args.cliJar(), workspace.dir("cli"));
            }
            settle(server, shell);
            Log.info("measuring `rewind rollback " + RollbackProject.ENV + "` (" + strategy + "), " + i + " of "
                    + args.repeat());
            RewindRollback.Result rewind = RewindRollback.run(project, args.cliJar(), workspace.dir("cli"));
            project.require("v1", V1_ITEMS, "`rewind rollback`");
            rewinds.add(logged("rewind", rewind.measured()));

            resetToV2(project, server, shell, rewind.kept());
            settle(server, shell);
            Log.info("measuring the runbook's rollback, " + i + " of " + args.repeat());
            runbooks.add(logged("runbook", RunbookRollback.run(project, runbook)));
            project.require("v1", V1_ITEMS, "the runbook's rollback");
        }
        project.stopQuietly();
        return new Outcome(strategy, runbooks, rewinds, sizes, machine);
    }

    /**
     * v2 live, recorded with the backup, and its items written after the backup. From the second repetition on, it
     * is deployed over the data the runbook restored, which holds the same rows as the backup.
     */
    private static void deployV2(RollbackProject project, String backupId) {
        project.deploy("v2", backupId);
        for (int i = 1; i <= V2_ITEMS; i++) {
            project.postItem("v2-item-" + i);
        }
    }

    /**
     * v1 live with its items; Rewind's backup set ({@code clone} needs the app stopped, as a deploy would stop it), and
     * the runbook's dump and archive of the same state. Returns the set's id.
     */
    private String deployV1AndBackUp(RollbackProject project, RunbookWay runbook) {
        project.deploy("v1", null);
        for (int i = 1; i <= V1_ITEMS; i++) {
            project.postItem("v1-item-" + i);
        }
        if (RewindWay.CLONE.equals(strategy)) {
            project.driver().stop();
        }
        BackupResult set;
        try (Rewind rewind = project.rewind()) {
            set = rewind.backup(RollbackProject.ENV, "bench", Progress.NONE);
        }
        Log.info("rewind backup " + set.id() + " (" + strategy + "): " + Timed.format(set.duration()));
        sizes.put("Rewind's backup set (" + strategy + ")", ByteSize.format(set.sizeBytes()) + ", taken in "
                + Timed.format(set.duration()) + " (not part of the rollback)");
        Log.info("runbook backup: pg_dump | gzip " + Timed.format(runbook.backupDatabase(0)) + ", tar czf "
                + Timed.format(runbook.backupFiles(0)));
        sizes.put("runbook's backup", ByteSize.format(Sizes.file(runbook.dumpFile(0))) + " `shop.sql.gz`, "
                + ByteSize.format(Sizes.file(runbook.archive(0))) + " `uploads.tgz` (not part of the rollback)");
        return set.id();
    }

    /**
     * Back to the state Rewind started from, untimed: v2's database and uploads, which Rewind kept, renamed back into
     * place, and v2 started again.
     */
    private static void resetToV2(RollbackProject project, BenchServer server, Shell shell, Map<String, String> kept) {
        ComponentDriver driver = project.driver();
        driver.stop();
        server.admin("DROP DATABASE " + Bench.DATABASE + " WITH (FORCE)",
                "ALTER DATABASE \"" + kept.get(RewindWay.DB) + "\" RENAME TO " + Bench.DATABASE);
        Path uploads = project.dir().resolve(RewindWay.UPLOADS);
        shell.run("rm -rf " + quote(uploads) + " && mv " + quote(project.dir().resolve(kept.get(RewindWay.UPLOADS)))
                + " " + quote(uploads));
        driver.activate("v2", "v1");
        driver.start();
        project.require("v2", V1_ITEMS + V2_ITEMS, "the reset to v2's state");
    }

    /** No step pays for the one before: a checkpoint writes PostgreSQL's dirty pages, {@code sync} the file system's. */
    private static void settle(BenchServer server, Shell shell) {
        server.checkpoint();
        shell.run("sync");
    }

    private static Measured logged(String way, Measured measured) {
        Log.info(way + ": whole " + Timed.format(measured.whole()) + ", downtime " + Timed.format(measured.downtime())
                + ", from outside " + measured.seen().describe());
        measured.parts().forEach(p -> Log.info("  " + p.name() + ": " + Timed.format(p.time())));
        return measured;
    }
}
