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
 * a first backup set. Then, per repetition: the plain deploy v1 → v2; the backup alone; with {@code --via cli}, the
 * same backup by {@code rewind backup} (a diagnostic) and {@code rewind deploy} v2 → v1; with {@code --via serve}, the
 * deploy v2 → v1 through a running {@code rewind serve} (v2 deployed again by hand, untimed, when the CLI's deploy went
 * first); so each deploy is a real version change of the same direction. What is in between is untimed, and every
 * measurement starts after a {@code CHECKPOINT} and {@code sync}.
 */
final class DeployRun {

    static final long ITEMS = 3;

    /**
     * One repetition.
     *
     * @param plain  the plain stop, activate, start (v1 → v2)
     * @param backup {@code Rewind.backup(...)} alone (for {@code clone} with the app stopped)
     * @param cli    {@code rewind deploy} (v2 → v1), or null when not measured
     * @param cliSet a diagnostic: the same set by {@code rewind backup production --json} in a fresh JVM, as the
     *               deploy's is, but with no baseline measured meanwhile (the set's own {@code duration}); null with
     *               {@link #cli}
     * @param serve  the deploy v2 → v1 through {@code rewind serve}, or null when not measured
     */
    record Repetition(Measured plain, Duration backup, RewindDeploy.Result cli, Duration cliSet,
                      RewindDeploy.Result serve) {

        /** What a deploy adds to what it does anyway: deploy − (plain + backup). */
        Duration overhead(RewindDeploy.Result deploy) {
            return deploy.measured().whole().minus(plain.whole()).minus(backup);
        }

        /** A diagnostic: the CLI's overhead when the backup's time is that of the set in a fresh JVM, {@link #cliSet}. */
        Duration overheadOverCliSet() {
            return cli.measured().whole().minus(plain.whole()).minus(cliSet);
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
        try (RewindServe serve = args.via().contains(RollbackArgs.SERVE) ? startServe(workspace, project, cli) : null) {
            for (int i = 1; i <= args.repeat(); i++) {
                repetitions.add(repetition(setup, project, cli, serve, " (" + strategy + "), " + i + " of "
                        + args.repeat()));
            }
        }
        project.stopQuietly();
        return new Outcome(strategy, repetitions, setup.sizes(), setup.machine());
    }

    private Repetition repetition(ShopSetup setup, RollbackProject project, Path cli, RewindServe serve, String of) {
        setup.settle();
        Log.info("measuring the plain deploy v1 → v2" + of);
        Measured plain = PlainDeploy.run(project, "v1", "v2").logged("plain");
        project.recordLive("v2", null);

        setup.settle();
        Log.info("measuring the backup alone" + of);
        Duration backup = appStoppedForClone(project, "v2", () -> backupAlone(project, setup.sizes()));
        Duration cliSet = null;
        RewindDeploy.Result viaCli = null;
        if (args.via().contains(RollbackArgs.CLI)) {
            setup.settle();
            Log.info("measuring `rewind backup " + RollbackProject.ENV + "` (a diagnostic)" + of);
            cliSet = appStoppedForClone(project, "v2", () -> RewindBackup.run(project, args.cliJar(), cli).set());

            setup.settle();
            Log.info("measuring `rewind deploy " + RollbackProject.ENV + " v1`" + of);
            viaCli = logged("rewind deploy", RewindDeploy.run(project, args.cliJar(), cli, "v1"));
            project.require("v1", ITEMS, "`rewind deploy`");
        }
        RewindDeploy.Result viaServe = null;
        if (serve != null) {
            if (viaCli != null) {
                project.deploy("v2", null);
            }
            setup.settle();
            Log.info("measuring the deploy of v1 through `rewind serve`" + of);
            viaServe = logged("rewind serve deploy", serve.deploy("v1"));
            project.require("v1", ITEMS, "the deploy through `rewind serve`");
        }
        Repetition repetition = new Repetition(plain, backup, viaCli, cliSet, viaServe);
        if (viaCli != null) {
            Log.info("overhead of `rewind deploy`: " + Timed.format(repetition.overhead(viaCli)));
        }
        if (viaServe != null) {
            Log.info("overhead through `rewind serve`: " + Timed.format(repetition.overhead(viaServe)));
        }
        return repetition;
    }

    /**
     * {@code rewind serve}, killed when the workspace is cleaned up (on failure or Ctrl-C; then the app is stopped
     * again, in case a deploy of the server's started it); warmed up by two untimed deploys through it, v2 and back to
     * v1, so that its JVM has run a deploy's code before the timed ones, as the benchmark's own JVM has run the backup's.
     */
    private RewindServe startServe(Workspace workspace, RollbackProject project, Path cli) {
        RewindServe serve = RewindServe.start(project, args.cliJar(), cli);
        workspace.beforeCleanup(() -> {
            serve.kill();
            project.stopQuietly();
        });
        for (String version : List.of("v2", "v1")) {
            Log.info("warming up `rewind serve`: an untimed deploy of " + version);
            serve.deploy(version);
        }
        return serve;
    }

    private static RewindDeploy.Result logged(String way, RewindDeploy.Result deploy) {
        deploy.measured().logged(way);
        Log.info("  of which the backup set: " + Timed.format(deploy.backupSet()));
        return deploy;
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
