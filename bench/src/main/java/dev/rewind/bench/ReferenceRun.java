package dev.rewind.bench;

import dev.rewind.core.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One strategy's reference scenario in a workspace of its own. The shop and its uploads, v1 live with its items; the
 * physical floor; the runbook's backup ({@code backup.sh}) and Rewind's ({@code rewind backup}). Then, per
 * repetition, each way gets the same bad release: v2 deployed with the backup, writing an item every 100 ms, its
 * /health failing {@link #FAILS_AFTER} after it starts. Rewind's {@code rewind watch} decides and rolls back; the
 * state is reset to v2's (what Rewind kept, renamed back, v2 started again); the runbook's {@code monitor.sh} decides
 * and runs {@code rollback.sh}. Both check /health every {@link #CHECK_INTERVAL}, both run the backend through the
 * same {@code service.sh}, and after each, v1 must serve on the backup's items.
 */
final class ReferenceRun {

    /** How often both ways check the backend's health: seed 004's {@code sleep 10}, Rewind's default probe interval. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);
    /** The bad release's /health starts failing this long after it starts. */
    static final Duration FAILS_AFTER = Duration.ofSeconds(5);

    /**
     * The backups, and the physical floor.
     *
     * @param rewind  {@code rewind backup production}: the set, and the process's time from start to exit
     * @param runbook {@code backup.sh}: {@code pg_dump | gzip} and {@code tar czf}, process start → exit
     */
    record Backups(RewindBackup.Result rewind, Duration runbook, Floor floor) {}

    /** What a strategy's run measured. */
    record Outcome(String strategy, Backups backups, List<Recovery> rewind, List<Recovery> runbook,
                   Map<String, String> sizes, Machine machine) {}

    private final RollbackArgs args;
    private final String strategy;
    private final Path scripts;

    /** {@code scripts} holds the runbook's scripts (bench/runbook/). */
    ReferenceRun(RollbackArgs args, String strategy, Path scripts) {
        this.args = args;
        this.strategy = strategy;
        this.scripts = scripts;
    }

    Outcome run(Workspace workspace) {
        ShopSetup setup = ShopSetup.create(workspace, args, strategy,
                new RollbackProject.Backend(scripts.resolve("service.sh"), CHECK_INTERVAL));
        RollbackProject project = setup.project();
        project.release("v2", "--health-fail-after " + Durations.format(FAILS_AFTER));
        RunbookScripts runbook = new RunbookScripts(scripts, setup.shell(), project, CHECK_INTERVAL);
        Path cli = workspace.dir("cli");
        project.deploy("v1", null);
        for (int i = 1; i <= RollbackRun.V1_ITEMS; i++) {
            project.postItem("v1-item-" + i);
        }
        RewindCli.warmUp(project, args.cliJar(), cli, "releases", RollbackProject.ENV);
        Backups backups = backUp(setup, runbook, cli, workspace.dir("floor"));

        List<Recovery> rewinds = new ArrayList<>();
        List<Recovery> runbooks = new ArrayList<>();
        List<Duration> standbys = new ArrayList<>();
        for (int i = 1; i <= args.repeat(); i++) {
            String of = " (" + strategy + "), " + i + " of " + args.repeat();
            // The set's standby, as `rewind deploy` prepares it while it watches the new release; made here before v2
            // starts (whose health fails 5 s later), timed on its own. The rollback `rewind watch` starts takes it over.
            setup.settle();
            standbys.add(project.prepareStandby(backups.rewind().id()).duration());
            Log.info("standby of " + backups.rewind().id() + " ready in " + Timed.format(standbys.getLast()) + of);
            setup.settle();
            project.deploy("v2", backups.rewind().id());
            Log.info("measuring `rewind watch " + RollbackProject.ENV + "` on the bad release" + of);
            RewindTurn rewind = rewindWay(setup, cli, "after-backup-rewind-" + i);
            rewinds.add(rewind.recovery().logged("rewind"));

            setup.settle();
            RollbackRun.resetToV2(project, setup.server(), setup.shell(), rewind.kept(),
                    RollbackRun.V1_ITEMS + rewind.recovery().preserved().written());
            Log.info("measuring the runbook's monitor.sh and rollback.sh on the bad release" + of);
            runbooks.add(runbookWay(setup, runbook, "after-backup-runbook-" + i).logged("runbook"));
        }
        project.stopQuietly();
        Map<String, String> sizes = new LinkedHashMap<>(setup.sizes());
        sizes.put("Rewind's standby of the set (one more restored copy), prepared before each bad release as a"
                + " deploy's watch prepares it, site up; not part of the rollback", Medians.range(standbys));
        return new Outcome(strategy, backups, rewinds, runbooks, sizes, setup.machine());
    }

    /** Rewind's turn and where its rollback kept the bad release's data (to reset to it for the runbook's turn). */
    private record RewindTurn(Recovery recovery, Map<String, String> kept) {}

    /** Rewind's turn: v2 serving (and writing), {@code rewind watch} until it has rolled back. */
    private RewindTurn rewindWay(ShopSetup setup, Path cli, String prefix) {
        RollbackProject project = setup.project();
        try (BadReleaseWrites writes = BadReleaseWrites.start(project, prefix);
                HealthPoller poller = HealthPoller.start(project.health())) {
            RewindWatch.Result watch = RewindWatch.run(project, args.cliJar(), cli);
            List<String> written = writes.stop();
            project.require("v1", RollbackRun.V1_ITEMS, "`rewind watch`'s rollback");
            HealthPoller.Seen seen = poller.stop();
            Recovery recovery = new Recovery(Duration.between(failedAt(seen), watch.decided()),
                    Duration.between(watch.decided(), watch.verified()), watch.downtime(), seen.longestGap(),
                    "rule `" + watch.rule() + "`", Preserved.find(setup.server(), project.dir(), written),
                    watch.steps());
            return new RewindTurn(recovery, watch.kept());
        }
    }

    /** The runbook's turn: v2 serving (and writing), {@code monitor.sh} until {@code rollback.sh} is done. */
    private static Recovery runbookWay(ShopSetup setup, RunbookScripts runbook, String prefix) {
        RollbackProject project = setup.project();
        try (BadReleaseWrites writes = BadReleaseWrites.start(project, prefix);
                HealthPoller poller = HealthPoller.start(project.health())) {
            RunbookLog log = runbook.monitor();
            List<String> written = writes.stop();
            project.require("v1", RollbackRun.V1_ITEMS, "the runbook's rollback");
            HealthPoller.Seen seen = poller.stop();
            Instant decided = log.at(RunbookLog.DECISION);
            return new Recovery(Duration.between(failedAt(seen), decided),
                    Duration.between(decided, log.at(RunbookLog.COMPLETE)),
                    Duration.between(log.at(RunbookLog.STOPPING), log.at(RunbookLog.HEALTHY)), seen.longestGap(),
                    "3 consecutive failed checks, " + Timed.format(CHECK_INTERVAL) + " apart",
                    Preserved.find(setup.server(), project.dir(), written), steps(decided, log));
        }
    }

    /** rollback.sh's steps, after the time from monitor.sh's decision to the first. */
    private static List<Measured.Part> steps(Instant decided, RunbookLog log) {
        List<Measured.Part> steps = new ArrayList<>(List.of(new Measured.Part("decision → first step (monitor.sh"
                + " runs rollback.sh)", Duration.between(decided, log.at(RunbookLog.FIRST_STEP)))));
        steps.addAll(log.steps());
        return steps;
    }

    /** When the bad release's /health first failed, by the outside poller. */
    private static Instant failedAt(HealthPoller.Seen seen) {
        if (seen.firstFailure() == null) {
            throw new IllegalStateException("the poller never saw the bad release's /health fail");
        }
        return seen.firstFailure();
    }

    /** The floor, then each way's backup of v1's state, each after a CHECKPOINT and {@code sync}. */
    private Backups backUp(ShopSetup setup, RunbookScripts runbook, Path cli, Path floorDir) {
        Floor floor = Floor.measure(setup, floorDir);
        setup.settle();
        Log.info("measuring the runbook's backup.sh");
        Duration runbookBackup = runbook.backup();
        RewindBackup.Result set = rewindBackup(setup, cli);
        Map<String, String> sizes = setup.sizes();
        sizes.put("raw copy (the floor): `base/<oid>` and the uploads", ByteSize.format(floor.bytes()));
        sizes.put("Rewind's backup set (" + strategy + ")", ByteSize.format(set.sizeBytes()) + "; the set's own"
                + " duration " + Timed.format(set.set()) + ", the `rewind backup` process " + Timed.format(set.whole()));
        sizes.put("runbook's backup (`db_*.sql.gz`, `files_*.tar.gz`)", ByteSize.format(Sizes.tree(runbook.backups())));
        return new Backups(set, runbookBackup, floor);
    }

    /**
     * {@code rewind backup production}, timed; for {@code clone} with the app stopped before and started again
     * after, untimed, as a deploy takes a clone after its stop.
     */
    private RewindBackup.Result rewindBackup(ShopSetup setup, Path cli) {
        RollbackProject project = setup.project();
        boolean clone = RewindWay.CLONE.equals(strategy);
        if (clone) {
            project.driver().stop();
        }
        setup.settle();
        Log.info("measuring `rewind backup " + RollbackProject.ENV + "` (" + strategy + ")");
        RewindBackup.Result set = RewindBackup.run(project, args.cliJar(), cli);
        if (clone) {
            project.driver().start();
            project.awaitHealthy("v1");
        }
        return set;
    }
}
