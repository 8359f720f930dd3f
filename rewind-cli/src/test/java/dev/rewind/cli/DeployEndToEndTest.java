package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.PgTools;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.EnvironmentLock;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import dev.rewind.testkit.PrometheusProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rewind deploy}, {@code watch} and {@code drill} end to end with the sample app, a real PostgreSQL and real
 * processes: each automatic trigger rolls back, a healthy release goes live, holds only announce a ROLLBACK, a
 * deploy killed during its watch continues from its journal, a watched deploy prepares its backup's standby and a
 * rollback it triggers uses it.
 */
@ExtendWith(PostgresExtension.class)
class DeployEndToEndTest {

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    @Test
    void aFailingReleaseIsRolledBackByThePolicyWithTheRuleAndItsValues(PostgresDatabase db) throws Exception {
        String metrics = """
                    metrics:
                      prometheus: http://{prometheus}
                      queries:
                        error_rate: 'sum(rate(http_requests_total{code=~"5.."}[10s])) / sum(rate(http_requests_total[10s]))'
                """;
        assumeTrue(PrometheusProcess.binary().isPresent() || "true".equals(System.getenv("CI")), "prometheus is not installed");
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump", "production", metrics)
                .release("v2-bad", "v2", "--fail-rate", "0.5");
             PrometheusProcess prometheus = PrometheusProcess.start(PrometheusProcess.binary().orElseThrow(),
                     Files.createDirectories(dir.resolve("prometheus")), app.hostPort())) {
            app.replaceInConfig("http://{prometheus}", prometheus.url().toString());
            assertThat(deploy(app, "v1", "--watch", "0s").exitCode()).isZero();
            ExecutorService traffic = Executors.newSingleThreadExecutor();
            traffic.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    app.request("/api/items");
                    RollbackScenario.sleep(20);
                }
            });
            try {
                ProcessResult result = deploy(app, "v2-bad", "--watch", "2m", "--json");

                assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
                JsonNode json = Json.mapper().readTree(result.stdout());
                assertThat(json.get("status").asText()).isEqualTo("rolled_back");
                assertThat(json.get("trigger").asText()).contains("watch: the policy decided ROLLBACK",
                        "error-rate-over-5pct", "metrics.error_rate = 0.");
                assertThat(json.get("rollback").get("status").asText()).isEqualTo("succeeded");
                assertThat(app.runningVersion()).isEqualTo("v1");
                assertThat(statuses(app)).containsExactly(ReleaseStatus.ROLLED_BACK, ReleaseStatus.LIVE);
            } finally {
                traffic.shutdownNow();
            }
        }
    }

    @Test
    void aReleaseThatDoesNotStartIsRolledBackWithoutWatching(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").release("v2-broken", "v2", "--no-start")) {
            deploy(app, "v1", "--watch", "0s");

            ProcessResult result = deploy(app, "v2-broken", "--watch", "10m");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stdout()).contains("✗ start backend", "rolled back to v1");
            assertThat(result.stderr()).contains("AUTOMATIC ROLLBACK TRIGGERED", "Trigger: start backend");
            assertThat(step(app, RunKind.DEPLOY, "watch").status()).isEqualTo(StepStatus.PENDING);
            assertThat(app.runningVersion()).isEqualTo("v1");
        }
    }

    @Test
    void aFailedMigrationHookIsRolledBackBeforeAnythingStarts(PostgresDatabase db) throws Exception {
        String hooks = RollbackScenario.VERIFY + "    hooks: { migrate: \"true\" }\n";
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump", "production", hooks)) {
            assertThat(deploy(app, "v1", "--watch", "0s").exitCode()).isZero();
            app.replaceInConfig("migrate: \"true\"", "migrate: \"echo migrating; exit 1\"");

            ProcessResult result = deploy(app, "v2", "--watch", "10m");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stdout()).contains("✗ hook migrate", "rolled back to v1");
            assertThat(step(app, RunKind.DEPLOY, "start backend").status()).isEqualTo(StepStatus.PENDING);
            assertThat(step(app, RunKind.DEPLOY, "hook migrate").error()).contains("exit", "migrating");
            assertThat(step(app, RunKind.DEPLOY, "watch").status()).isEqualTo(StepStatus.PENDING);
            assertThat(app.runningVersion()).isEqualTo("v1");
        }
    }

    @Test
    void aHealthyReleaseGoesLiveAndTheHistoryIsInOrder(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").release("v3", "v3")) {
            deploy(app, "v1", "--watch", "0s");
            app.postItem("kept-across-deploys");
            ProcessResult missing = deploy(app, "v9", "--watch", "0s");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
            assertThat(missing.stdout()).contains("✗ preflight", "releases/v9", "Nothing was changed");
            assertThat(statuses(app)).containsExactly(ReleaseStatus.LIVE);
            app.release("v9", "v2");
            String failedRun = step(app, RunKind.DEPLOY, "preflight").runId();
            ProcessResult resumed = cli.run("deploy", "production", "--resume", failedRun, "-c", app.config.toString());
            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(app.runningVersion()).isEqualTo("v2");

            ProcessResult result = deploy(app, "v3", "--watch", "3s");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("✓ backup", "✓ watch", "v3 is live in production; v9 superseded");
            assertThat(app.runningVersion()).isEqualTo("v3");
            assertThat(app.items()).isEqualTo(1);
            ProcessResult releases = cli.run("releases", "production", "-c", app.config.toString());
            assertThat(releases.stdout()).containsPattern("(?s)v3 +live.*v1 +superseded");
            try (Rewind rewind = app.rewind()) {
                Release v3 = rewind.store().liveRelease("production").orElseThrow();
                assertThat(v3.backupId()).isNotNull();
                assertThat(rewind.store().baseline(rewind.store().releases("production").get(1).id())).isNotEmpty();
            }
        }
    }

    @Test
    void aWatchedDeployPreparesTheStandbyOfItsBackupAndAFailingOneRollsBackWithIt(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").release("v3", "v3")
                .release("v4-dying", "v2", "--health-fail-after", "3s")) {
            deploy(app, "v1", "--watch", "0s");
            assertThat(backupsText(app)).doesNotContain("ready (");

            ProcessResult healthy = deploy(app, "v3", "--watch", "3s");

            assertThat(healthy.exitCode()).as(healthy.toString()).isZero();
            String v3Backup = Json.readTree(step(app, RunKind.DEPLOY, "backup").outputJson()).get("backup").asText();
            assertThat(healthy.stdout()).contains("✓ watch", "✓ standby of " + v3Backup + " ready");
            assertThat(healthy.stderr()).contains("production is not locked meanwhile");
            assertThat(backupsText(app)).containsPattern(v3Backup + " .*ready \\(db, uploads\\)");

            ProcessResult failing = deploy(app, "v4-dying", "--watch", "2m");

            assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(3);
            assertThat(failing.stdout()).contains("the policy decided ROLLBACK_NOW", "rolled back to v3");
            assertThat(app.runningVersion()).isEqualTo("v3");
            JsonNode prepare = Json.readTree(step(app, RunKind.ROLLBACK, "prepare").outputJson());
            String v4Backup = Json.readTree(step(app, RunKind.DEPLOY, "backup").outputJson()).get("backup").asText();
            assertThat(prepare.get("standby_wait").get("set_id").asText()).isEqualTo(v4Backup);
            assertThat(prepare.get("standby_wait").get("failure").isNull()).isTrue();
            assertThat(prepare.get("datastores")).hasSize(2)
                    .allSatisfy(d -> assertThat(d.get("standby").get("used").asBoolean()).as(d.toString()).isTrue());
        }
    }

    @Test
    void deployNoLongerHoldsTheLockWhileWaitingForItsStandby(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump")
                .release("v4-dying", "v2", "--health-fail-after", "3s")) {
            deploy(app, "v1", "--watch", "0s");
            Path tools = slowPgRestore(dir);
            long started = System.nanoTime();

            ProcessResult result = new CliRunner().env("PATH", tools + File.pathSeparator + System.getenv("PATH"))
                    .run("deploy", "production", "v4-dying", "--watch", "2m", "--no-auto-rollback", "-c",
                            app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(SLOW_RESTORE / 2));
            String backup = Json.readTree(step(app, RunKind.DEPLOY, "backup").outputJson()).get("backup").asText();
            assertThat(result.stdout()).contains("ROLLBACK NEEDED", "· standby of " + backup + " not ready: the standby"
                    + " was not finished; `rewind rollback production` restores from the set");
            assertThat(slowRestores(tools)).as("the standby's pg_restore was stopped").isEmpty();
            assertThat(RollbackEndToEndTest.databases(db)).filteredOn(name -> DatabaseNames.belongsTo(db.name(), name))
                    .noneMatch(DatabaseNames::isStandby);
            assertThat(app.dir.resolve("uploads.rewind-standby-" + backup)).doesNotExist();
            ProcessResult rollback = cli.run("rollback", "production", "--yes", "-c", app.config.toString());
            assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
            assertThat(app.runningVersion()).isEqualTo("v1");
        }
    }

    @Test
    void aLiveDeployFinishingItsStandbyHeldTheEnvironmentLock(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").release("v3", "v3")) {
            deploy(app, "v1", "--watch", "0s");
            Path tools = slowPgRestore(dir);
            ProcessBuilder builder = new ProcessBuilder(app.rewindCommand("deploy", "production", "v3", "--watch", "1s"))
                    .directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(dir.resolve("deploy.out").toFile()).redirectError(dir.resolve("deploy.err").toFile());
            builder.environment().put("PATH", tools + File.pathSeparator + System.getenv("PATH"));
            Process rewind = builder.start();
            try {
                awaitText(dir.resolve("deploy.err"), "production is not locked meanwhile");
                assertThat(slowRestores(tools)).as("its standby's pg_restore is under way").isNotEmpty();

                try (Rewind opened = app.rewind(); EnvironmentLock lock = EnvironmentLock.acquire(opened.store(),
                        "production", Ids.run(), "a rollback", Clock.systemUTC())) {
                    assertThat(rewind.isAlive()).as("the deploy still waits for its standby").isTrue();
                }
            } finally {
                rewind.destroyForcibly().waitFor();
                ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(tools.toString()))
                        .forEach(p -> {
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                        });
            }
        }
    }

    private static void awaitText(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file) || !Files.readString(file).contains(text)) {
            assertThat(System.nanoTime()).as("waiting for \"" + text + "\" in " + file).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Seconds the pg_restore of {@link #slowPgRestore} sleeps before it restores. */
    static final int SLOW_RESTORE = 297;

    /**
     * A directory holding a pg_restore that waits {@link #SLOW_RESTORE} s, then runs the machine's pg_restore. Its
     * sleep's command line, {@link #slowSleep}, is the directory's own, so no other build's is taken for it.
     */
    static Path slowPgRestore(Path dir) throws Exception {
        Path tools = Files.createDirectories(dir.resolve("slow-tools"));
        Path real = PgTools.find(15).pgRestore();
        Path script = tools.resolve("pg_restore");
        Files.writeString(script, """
                #!/bin/sh
                [ "$1" = "--version" ] || %s
                exec %s "$@"
                """.formatted(slowSleep(tools), real));
        script.toFile().setExecutable(true);
        return tools;
    }

    /** The sleep command of {@link #slowPgRestore}'s pg_restore in {@code tools}: {@code sleep 297.NNNNNN}. */
    static String slowSleep(Path tools) {
        return "sleep %d.%06d".formatted(SLOW_RESTORE, Math.floorMod(tools.toAbsolutePath().hashCode(), 1_000_000));
    }

    /** The processes of {@link #slowPgRestore}'s pg_restore in {@code tools} still running. */
    static List<String> slowRestores(Path tools) {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(tools.toString()) || line.endsWith(slowSleep(tools))).toList();
    }

    @Test
    void aHoldOnlyAnnouncesARollbackButNotARollbackNow(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump")
                .release("v2-slow", "v2", "--latency", "600ms").release("v2-dying", "v2", "--health-fail-after", "3s")) {
            deploy(app, "v1", "--watch", "0s");
            cli.run("hold", "production", "--for", "15m", "--reason", "hotfix in progress", "-c", app.config.toString());

            ProcessResult held = deploy(app, "v2-slow", "--watch", "20s");

            assertThat(held.exitCode()).as(held.toString()).isZero();
            assertThat(held.stderr()).contains("ROLLBACK held", "p99-over-2x-baseline", "hotfix in progress");
            assertThat(app.runningVersion()).isEqualTo("v2");

            ProcessResult now = deploy(app, "v2-dying", "--watch", "2m");

            assertThat(now.exitCode()).as(now.toString()).isEqualTo(3);
            assertThat(now.stdout()).contains("the policy decided ROLLBACK_NOW");
        }
    }

    @Test
    void aDeployKilledDuringItsWatchContinuesFromItsJournal(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").release("v3", "v3")) {
            deploy(app, "v1", "--watch", "0s");
            Process rewind = new ProcessBuilder(app.rewindCommand("deploy", "production", "v3", "--watch", "6s"))
                    .directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(dir.resolve("deploy.out").toFile()).redirectError(dir.resolve("deploy.err").toFile())
                    .start();
            try {
                awaitWatching(app);
            } finally {
                rewind.destroyForcibly().waitFor();
            }
            long pid = app.driver().pids().getFirst();
            int backups = backupSets(app);

            ProcessResult another = deploy(app, "v1", "--watch", "0s");

            assertThat(another.exitCode()).as(another.toString()).isEqualTo(2);
            assertThat(another.stderr()).contains("of v3 to production was interrupted", "not v1 in its place",
                    "`rewind deploy production --resume run-");
            assertThat(app.driver().pids()).containsExactly(pid);

            ProcessResult resumed = cli.run("watch", "production", "-c", app.config.toString());

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.stderr()).contains("continuing the interrupted deploy", "interrupted at 'watch'");
            assertThat(resumed.stdout()).contains("· start backend (done before)", "✓ watch", "v3 is live");
            assertThat(app.driver().pids()).containsExactly(pid);
            assertThat(backupSets(app)).isEqualTo(backups);
            assertThat(statuses(app)).containsExactly(ReleaseStatus.LIVE, ReleaseStatus.SUPERSEDED);
        }
    }

    @Test
    void aDrillMeasuresTheRecoveryAgainstTheRto(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "clone", "staging", "    rto: 15m\n")) {
            assertThat(cli.run("deploy", "staging", "v1", "--watch", "0s", "-c", app.config.toString()).exitCode()).isZero();

            ProcessResult result = cli.run("drill", "staging", "-c", app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).containsPattern("RTO: recovered in [0-9.]+s against a target of 15m ✓ met");
            assertThat(app.runningVersion()).isEqualTo("v1");
            assertThat(statuses(app)).containsExactly(ReleaseStatus.ROLLED_BACK, ReleaseStatus.LIVE);
            ProcessResult production = cli.run("drill", "production", "-c", app.config.toString());
            assertThat(production.exitCode()).isEqualTo(2);
        }
    }

    private ProcessResult deploy(RollbackScenario app, String version, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("deploy", app.env, version));
        args.addAll(List.of(options));
        args.addAll(List.of("-c", app.config.toString()));
        return cli.run(args.toArray(String[]::new));
    }

    private static void awaitWatching(RollbackScenario app) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Rewind rewind = app.rewind()) {
                boolean watching = rewind.store().runs(app.env).stream().filter(r -> r.kind() == RunKind.DEPLOY).findFirst()
                        .map(r -> rewind.store().steps(r.id()).stream()
                                .anyMatch(s -> s.name().equals("watch") && s.status() == StepStatus.RUNNING))
                        .orElse(false);
                if (watching) {
                    return;
                }
            }
            RollbackScenario.sleep(100);
        }
        throw new AssertionError("the deploy never started watching");
    }

    private static RunStep step(RollbackScenario app, RunKind kind, String name) {
        try (Rewind rewind = app.rewind()) {
            Run run = rewind.store().runs(app.env).stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
            return rewind.store().steps(run.id()).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private String backupsText(RollbackScenario app) {
        return cli.run("backups", app.env, "-c", app.config.toString()).stdout();
    }

    private static int backupSets(RollbackScenario app) {
        try (Rewind rewind = app.rewind()) {
            return rewind.store().backupSets(app.env).size();
        }
    }

    /** Release statuses, newest first. */
    private static List<ReleaseStatus> statuses(RollbackScenario app) {
        try (Rewind rewind = app.rewind()) {
            return rewind.store().releases(app.env).stream().map(Release::status).toList();
        }
    }
}
