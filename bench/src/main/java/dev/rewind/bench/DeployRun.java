package dev.rewind.bench;

import dev.rewind.core.backup.BackupResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One strategy's deploy scenario in a workspace of its own: generate the shop and its uploads, v1 live with its items,
 * a first backup set. Then, per repetition: the plain deploy v1 → v2; the backup alone; the same backup by
 * {@code rewind backup} (a diagnostic); {@code rewind deploy} v2 → v1; so each deploy is a real version change. What
 * is in between is untimed, and every measurement starts after a {@code CHECKPOINT} and {@code sync}.
 */
final class DeployRun {

    static final long ITEMS = 3;

    /**
     * One repetition.
     *
     * @param plain  the plain stop, activate, start (v1 → v2)
     * @param backup {@code Rewind.backup(...)} alone (for {@code clone} with the app stopped)
     * @param rewind {@code rewind deploy} (v2 → v1)
     * @param cliSet a diagnostic: the same set by {@code rewind backup production --json} in a fresh JVM, as the
     *               deploy's is, but with no baseline measured meanwhile (the set's own {@code duration})
     */
    record Repetition(Measured plain, Duration backup, RewindDeploy.Result rewind, Duration cliSet) {

        /** What the deploy adds to what it does anyway: rewind − (plain + backup). */
        Duration overhead() {
            return rewind.measured().whole().minus(plain.whole()).minus(backup);
        }

        /** A diagnostic: the overhead when the backup's time is that of the set in a fresh JVM, {@link #cliSet}. */
        Duration overheadOverCliSet() {
            return rewind.measured().whole().minus(plain.whole()).minus(cliSet);
        }
    }

    /** What a strategy's run measured. */
    record Outcome(String strategy, List<Repetition> repetitions, Map<String, String> sizes, Machine machine) {}

    private final RollbackArgs args;
    private final String strategy;

    DeployRun(RollbackArgs args, String strategy) {
        this.args = args;
        this.strategy = strategy;
    }

    Outcome run(Workspace workspace) {
        ShopSetup setup = ShopSetup.create(workspace, args, strategy);
        RollbackProject project = setup.project();
        Path cli = workspace.dir("cli");
        prepare(project, setup);
        RewindDeploy.warmUp(project, args.cliJar(), cli, "v2");
        List<Repetition> repetitions = new ArrayList<>();
        for (int i = 1; i <= args.repeat(); i++) {
            String of = " (" + strategy + "), " + i + " of " + args.repeat();
            setup.settle();
            Log.info("measuring the plain deploy v1 → v2" + of);
            Measured plain = PlainDeploy.run(project, "v1", "v2").logged("plain");
            project.recordLive("v2", null);

            setup.settle();
            Log.info("measuring the backup alone" + of);
            Duration backup = appStoppedForClone(project, "v2", () -> backupAlone(project, setup.sizes()));
            setup.settle();
            Log.info("measuring `rewind backup " + RollbackProject.ENV + "` (a diagnostic)" + of);
            Duration cliSet = appStoppedForClone(project, "v2", () -> RewindBackup.run(project, args.cliJar(), cli).set());

            setup.settle();
            Log.info("measuring `rewind deploy " + RollbackProject.ENV + " v1`" + of);
            RewindDeploy.Result rewind = RewindDeploy.run(project, args.cliJar(), cli, "v1");
            rewind.measured().logged("rewind deploy");
            Log.info("  of which the backup set: " + Timed.format(rewind.backupSet()));
            project.require("v1", ITEMS, "`rewind deploy`");
            Repetition repetition = new Repetition(plain, backup, rewind, cliSet);
            Log.info("overhead: " + Timed.format(repetition.overhead()));
            repetitions.add(repetition);
        }
        project.stopQuietly();
        return new Outcome(strategy, repetitions, setup.sizes(), setup.machine());
    }

    /**
     * Untimed: v1 live with its items; v2 once and v1 again, so v2's migration is applied and both releases have
     * started before; a first backup set, so that every measured set, alone or in a deploy, has one before it whose
     * unchanged upload files it hard-links to, as in production after the first deploy.
     */
    private void prepare(RollbackProject project, ShopSetup setup) {
        project.deploy("v1", null);
        for (int i = 1; i <= ITEMS; i++) {
            project.postItem("v1-item-" + i);
        }
        project.deploy("v2", null);
        project.deploy("v1", null);
        setup.settle();
        appStoppedForClone(project, "v1", () -> backupAlone(project, setup.sizes()));
    }

    /**
     * Runs a backup; for {@code clone} with the app stopped before and started again after, untimed, as a deploy backs
     * up a clone after the stop.
     */
    private <T> T appStoppedForClone(RollbackProject project, String live, Supplier<T> backup) {
        boolean clone = RewindWay.CLONE.equals(strategy);
        if (clone) {
            project.driver().stop();
        }
        T result = backup.get();
        if (clone) {
            project.driver().start();
            project.awaitHealthy(live);
        }
        return result;
    }

    /** {@code Rewind.backup(...)}, the call timed alone. */
    private Duration backupAlone(RollbackProject project, Map<String, String> sizes) {
        Timed<BackupResult> set = project.backup();
        Log.info("backup " + set.value().id() + " (" + strategy + "): " + Timed.format(set.duration()));
        sizes.put("Rewind's backup set (" + strategy + ")", ByteSize.format(set.value().sizeBytes()));
        return set.duration();
    }
}
