package dev.rewind.bench;

import static dev.rewind.bench.Shell.quote;

import dev.rewind.core.backup.BackupResult;
import dev.rewind.core.driver.ComponentDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One strategy's scenario in a workspace of its own: generate the shop and its uploads, deploy v1, back up (Rewind's
 * set and the runbook's {@code pg_dump | gzip} and {@code tar czf}, at the same point). Then, per repetition: deploy
 * v2 and write after the backup; the set's standby, as a deploy prepares it during its watch (timed on its own, not
 * part of the rollback); Rewind's rollback, which takes the standby over; a reset to the same v2 state (what Rewind
 * kept, renamed back); the runbook's rollback.
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
        ShopSetup setup = ShopSetup.create(workspace, args, strategy);
        RollbackProject project = setup.project();
        sizes.putAll(setup.sizes());
        RunbookWay runbook = new RunbookWay(setup.shell(), Bench.DATABASE, workspace.dir("runbook"), project.dir());
        String backupId = deployV1AndBackUp(project, runbook);
        List<Measured> rewinds = new ArrayList<>();
        List<Measured> runbooks = new ArrayList<>();
        List<Duration> standbys = new ArrayList<>();
        for (int i = 1; i <= args.repeat(); i++) {
            deployV2(project, backupId);
            if (i == 1) {
                RewindRollback.warmUp(project, args.cliJar(), workspace.dir("cli"));
            }
            setup.settle();
            Duration standby = project.prepareStandby(backupId).duration();
            Log.info("standby of " + backupId + " (" + strategy + ") ready in " + Timed.format(standby));
            standbys.add(standby);
            setup.settle();
            Log.info("measuring `rewind rollback " + RollbackProject.ENV + "` (" + strategy + "), " + i + " of "
                    + args.repeat());
            RewindRollback.Result rewind = RewindRollback.run(project, args.cliJar(), workspace.dir("cli"));
            project.require("v1", V1_ITEMS, "`rewind rollback`");
            rewinds.add(rewind.measured().logged("rewind"));

            resetToV2(project, setup.server(), setup.shell(), rewind.kept(), V1_ITEMS + V2_ITEMS);
            setup.settle();
            Log.info("measuring the runbook's rollback, " + i + " of " + args.repeat());
            runbooks.add(RunbookRollback.run(project, runbook).logged("runbook"));
            project.require("v1", V1_ITEMS, "the runbook's rollback");
        }
        project.stopQuietly();
        sizes.put("Rewind's standby of the set (one more restored copy: the database and the uploads again)",
                "prepared in " + Medians.range(standbys) + " while v2 served, before each rollback, as a deploy"
                        + " prepares it during its watch (not part of the rollback)");
        return new Outcome(strategy, runbooks, rewinds, sizes, setup.machine());
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
        BackupResult set = project.backup().value();
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
     * place, and v2 started again; fails unless it serves on {@code items} items.
     */
    static void resetToV2(RollbackProject project, BenchServer server, Shell shell, Map<String, String> kept,
                          long items) {
        ComponentDriver driver = project.driver();
        driver.stop();
        server.admin("DROP DATABASE " + Bench.DATABASE + " WITH (FORCE)",
                "ALTER DATABASE \"" + kept.get(RewindWay.DB) + "\" RENAME TO " + Bench.DATABASE);
        Path uploads = project.dir().resolve(RewindWay.UPLOADS);
        shell.run("rm -rf " + quote(uploads) + " && mv " + quote(project.dir().resolve(kept.get(RewindWay.UPLOADS)))
                + " " + quote(uploads));
        driver.activate("v2", "v1");
        driver.start();
        project.require("v2", items, "the reset to v2's state");
    }
}
