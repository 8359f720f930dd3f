package dev.rewind.cli.demo;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Rewind;
import dev.rewind.core.RewindException;
import dev.rewind.core.deploy.DeployRequest;
import dev.rewind.core.deploy.DeployResult;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.WorkflowListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code rewind demo}: the whole story on an embedded PostgreSQL. Deploys v1 of the sample shop, writes orders,
 * deploys a v2 whose health check starts failing, lets the policy detect it and roll back automatically, and writes
 * the report. Unless kept, it stops everything it started; the project stays for {@code rewind status/runs/report}.
 */
public final class Demo {

    static final int V1_ORDERS = 5;
    static final int V2_ORDERS = 2;
    private static final Duration WATCH = Duration.ofMinutes(1);

    private final Path dir;
    private final Map<String, String> processEnv;
    private final Consumer<String> say;
    private final WorkflowListener steps;
    /** Held while PostgreSQL starts: a signal then waits for the server to be up, and stops it. */
    private final Object postgresStart = new Object();

    /**
     * @param say   prints a line of the story
     * @param steps prints the runs' steps as they happen
     */
    public Demo(Path dir, Map<String, String> processEnv, Consumer<String> say, WorkflowListener steps) {
        this.dir = dir.toAbsolutePath().normalize();
        this.processEnv = processEnv;
        this.say = say;
        this.steps = steps;
    }

    public DemoResult run(boolean keep) {
        Timeline timeline = new Timeline();
        Strategy strategy = Strategy.pick(processEnv.getOrDefault("PATH", ""));
        DemoProject project = new DemoProject(dir, freePort());
        project.requireNew();
        say.accept("Rewind demo in " + dir + "\n  backups by `" + strategy.name() + "`: " + strategy.reason());
        // Ctrl-C or SIGTERM: PostgreSQL and the shop (in a session of its own) would outlive the JVM, so a hook stops
        // them. The backend twice: the story may start it while the hook stops it; the JVM halts when the hook returns.
        Thread onSignal = new Thread(() -> {
            synchronized (postgresStart) {
                for (int pass = 1; pass <= 2; pass++) {
                    try {
                        DemoProcesses.stop(project, processEnv);
                    } catch (RuntimeException e) {
                        say.accept("warning: " + e.getMessage());
                    }
                }
            }
        });
        if (!keep) {
            Runtime.getRuntime().addShutdownHook(onSignal);
        }
        DemoResult result;
        try {
            result = startAndTell(project, strategy, timeline, keep);
        } catch (RuntimeException failure) {
            if (!keep && removed(onSignal)) {
                DemoProcesses.stopAfter(failure, project, processEnv);
            }
            throw failure;
        }
        if (!keep && removed(onSignal)) {
            DemoProcesses.stop(project, processEnv);
        }
        return result;
    }

    private DemoResult startAndTell(DemoProject project, Strategy strategy, Timeline timeline, boolean keep) {
        DemoPostgres postgres;
        synchronized (postgresStart) {
            postgres = DemoPostgres.start(project.postgresData(), dir.resolve(".rewind/demo/postgres.log"));
        }
        timeline.mark("embedded PostgreSQL 15 up on port " + postgres.port());
        postgres.createDatabase("shop");
        project.write(postgres.port(), strategy.name());
        Shop shop = new Shop(project.appUrl(), postgres.port());
        try (Rewind rewind = Rewind.open(project.config(), processEnv)) {
            return story(rewind, project, shop, postgres.port(), strategy, timeline, keep);
        }
    }

    private DemoResult story(Rewind rewind, DemoProject project, Shop shop, int pgPort, Strategy strategy,
                             Timeline timeline, boolean keep) {
        say.accept("\n▸ deploy v1 (healthy)");
        DeployResult v1 = deploy(rewind, "v1", Duration.ZERO, steps);
        if (!"live".equals(v1.status())) {
            throw new RewindException(ErrorCode.FAILED, "the demo's v1 did not go live: " + v1.trigger());
        }
        timeline.mark("v1 live, serving on " + project.appUrl());
        shop.order("v1-order", V1_ORDERS);
        timeline.mark(V1_ORDERS + " orders written through v1");

        say.accept("\n▸ deploy v2 (its /health starts failing " + DemoProject.V2_FAILS_AFTER + " after it starts),"
                + " watching it for up to " + WATCH.toSeconds() + "s");
        // Once v2 is verified (it serves), orders are written through it: the writes after the backup that a
        // runbook rollback would lose. The rollback's own verify step comes later and writes nothing.
        AtomicBoolean ordered = new AtomicBoolean();
        DeployResult v2 = deploy(rewind, "v2", WATCH, steps.andAfterEachStep(step -> {
            if (step.name().equals("verify") && step.status() == StepStatus.DONE && ordered.compareAndSet(false, true)) {
                shop.order("v2-order", V2_ORDERS);
                timeline.mark("v2 live and verified; " + V2_ORDERS + " orders written through v2; watching");
            }
        }));
        RollbackResult rollback = v2.rollback();
        if (rollback == null) {
            throw new RewindException(ErrorCode.FAILED, "the demo's v2 was not rolled back: it ended " + v2.status()
                    + (v2.trigger() == null ? "" : " (" + v2.trigger() + ")"));
        }
        timeline.mark("detected: " + headline(v2.trigger()));
        timeline.mark("rollback " + rollback.status() + "; verified");
        String report = rewind.report(v2.runId()).markdown().toString();
        timeline.mark("incident report written");
        String kept = rollback.kept().get("db");
        return new DemoResult(dir.toString(), strategy.name(), strategy.reason(), project.appUrl(), pgPort,
                timeline.moments(), v2.runId(), v2.trigger(), rollback.runId(), rollback.status(), rollback.downtime(),
                shop.healthyVersion(), shop.items("shop"), kept, kept == null ? 0 : shop.items(kept), report,
                timeline.elapsed(), keep);
    }

    /** {@code watch: the policy decided ROLLBACK_NOW: rule database-unhealthy fired}, without the rule's values. */
    static String headline(String trigger) {
        String first = trigger.lines().findFirst().orElse("");
        int values = first.indexOf(" fired: ");
        return values < 0 ? first : first.substring(0, values + " fired".length());
    }

    private static DeployResult deploy(Rewind rewind, String version, Duration watch, WorkflowListener listener) {
        return rewind.deploy(DemoProject.ENVIRONMENT, new DeployRequest(version, watch, true, false, null, "demo",
                "rewind demo"), listener);
    }

    /** Stops what a kept demo in {@code dir} left running: the shop's backend, then PostgreSQL. */
    public static StopResult stop(Path dir, Map<String, String> processEnv) {
        DemoProject project = new DemoProject(dir.toAbsolutePath().normalize(), 0);
        if (!Files.exists(project.config())) {
            throw new RewindException(ErrorCode.USAGE, "no demo in " + dir + " (it has no rewind.yaml)"
                    + "\n    fix: give the directory `rewind demo` printed, e.g. rewind demo --stop --dir /tmp/rewind-demo-123");
        }
        return DemoProcesses.stop(project, processEnv);
    }

    /** What {@code rewind demo --stop} stopped. */
    public record StopResult(String directory, boolean backend, boolean postgres) {}

    /** False when the JVM is already shutting down: then the hook stops everything. */
    private static boolean removed(Thread shutdownHook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
