package dev.rewind.cli;

import static dev.rewind.cli.RollbackEndToEndTest.assertRolledBack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.Workflow;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rollback survives being killed: the rewind process dies as abruptly as with {@code kill -9} right after each
 * step is journaled, once in the middle of the shadow restore and once while it takes over its standby;
 * {@code rewind rollback --resume} then ends in the same state as an uninterrupted run. And two rollbacks started at
 * once never both act.
 */
@ExtendWith(PostgresExtension.class)
class RollbackResumeTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    @ParameterizedTest(name = "killed after ''{0}''")
    @ValueSource(strings = {"preflight", "announce start", "prepare", "stop backend", "swap db",
            "swap uploads", "activate backend", "start backend", "verify", "record releases"})
    void aRunKilledAtAStepBoundaryResumesToTheSameEnd(String step, PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            ProcessResult killed = ChildProcess.run(app.rewindCommand("rollback", "production", "--yes"), dir,
                    app.env("REWIND_FAULT_HALT_AFTER", step), CHILD_TIMEOUT);
            assertThat(killed.exitCode()).as(killed.toString()).isEqualTo(Workflow.HALT_STATUS);
            Run run = latestRun(app).orElseThrow();
            List<RunStep> journal = journal(app, run.id());
            RunStep last = journal.stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow();
            assertThat(last.status()).isEqualTo(StepStatus.DONE);
            assertThat(journal.get(journal.indexOf(last) + 1).status()).isEqualTo(StepStatus.PENDING);

            ProcessResult resumed = cli.run("rollback", "production", "--yes", "--resume", run.id(), "-c", app.config.toString());

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.stdout()).contains("· " + step + " (done before)");
            assertThat(resumed.stderr()).contains("resuming " + run.id());
            assertRolledBack(app, run.id());
            assertThat(journal(app, run.id())).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.DONE));
        }
    }

    @Test
    void aRunKilledDuringTheShadowRestoreResumesToTheSameEnd(PostgresDatabase db) throws Exception {
        db.execute("CREATE TABLE bulk AS SELECT g AS id, md5(g::text) || md5((g * 7)::text) AS text"
                + " FROM generate_series(1, 600000) g");
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            Process rewind = start(app, app.rewindCommand("rollback", "production", "--yes"));
            try {
                awaitShadowRestoreUnderWay(app, db, rewind);
            } finally {
                rewind.destroyForcibly().waitFor();
            }
            Run run = latestRun(app).orElseThrow();
            assertThat(journal(app, run.id()).stream().filter(s -> s.name().equals("prepare")).findFirst().orElseThrow()
                    .status()).isEqualTo(StepStatus.RUNNING);

            ProcessResult resumed = cli.run("rollback", "production", "--yes", "-c", app.config.toString());

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.stderr()).contains("resuming " + run.id(), "interrupted at 'prepare'");
            assertRolledBack(app, run.id());
            assertThat(db.queryValue("SELECT count(*) FROM bulk")).isEqualTo(600000L);
        }
    }

    @Test
    void aRunKilledWhileTakingOverItsStandbyResumesToTheSameEnd(PostgresDatabase db) throws Exception {
        db.execute("CREATE TABLE bulk AS SELECT g AS id, md5(g::text) || md5((g * 7)::text) AS text"
                + " FROM generate_series(1, 1000000) g");
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            RollbackStandbyTest.prepareStandby(app);
            Process rewind = start(app, app.rewindCommand("rollback", "production", "--yes"));
            try {
                awaitStandbyRenamed(db, rewind);
            } finally {
                rewind.destroyForcibly().waitFor();
            }
            Run run = latestRun(app).orElseThrow();
            assertThat(journal(app, run.id()).stream().filter(s -> s.name().equals("prepare")).findFirst().orElseThrow()
                    .status()).isEqualTo(StepStatus.RUNNING);

            ProcessResult resumed = cli.run("rollback", "production", "--yes", "-c", app.config.toString());

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertRolledBack(app, run.id());
            assertThat(db.queryValue("SELECT count(*) FROM bulk")).isEqualTo(1000000L);
            var prepared = RollbackStandbyTest.prepareOutput(app, run.id()).get("datastores");
            assertThat(prepared).allSatisfy(d -> assertThat(d.get("standby").get("used").asBoolean()).as(d.toString()).isTrue());
            assertThat(prepared.get(0).get("standby").get("reason").asText()).contains("left by an interrupted attempt");
        }
    }

    @Test
    void twoRollbacksAtOnceNeverBothAct(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                processes.add(start(app, app.rewindCommand("rollback", "production", "--yes")));
            }
            List<Integer> codes = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (Process p : processes) {
                assertThat(p.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                codes.add(p.exitValue());
                errors.add(new String(p.getErrorStream().readAllBytes()));
            }

            assertThat(codes).as(String.join("\n---\n", errors)).containsExactlyInAnyOrder(0, 5);
            Run winner = latestRun(app).orElseThrow();
            assertThat(errors.get(codes.indexOf(5))).contains("environment production is locked by run " + winner.id(), "since");
            assertThat(runs(app)).hasSize(1);
            assertRolledBack(app, winner.id());
        }
    }

    private Process start(RollbackScenario app, List<String> command) throws Exception {
        Path out = Files.createTempFile(dir, "rewind", ".out");
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .start();
    }

    private static void awaitShadowRestoreUnderWay(RollbackScenario app, PostgresDatabase db, Process rewind) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && rewind.isAlive()) {
            Object bulkInShadow = db.queryValue("SELECT count(*) FROM pg_stat_activity WHERE datname LIKE '"
                    + db.name() + "\\_\\_rewind\\_shadow\\_%' AND query ILIKE '%COPY%bulk%'");
            if (((Number) bulkInShadow).longValue() > 0) {
                return;
            }
            RollbackScenario.sleep(20);
        }
        throw new AssertionError("the shadow restore of the bulk table was never seen under way");
    }

    /** Until the run has renamed the standby database to its shadow: the take-over is under way. */
    private static void awaitStandbyRenamed(PostgresDatabase db, Process rewind) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && rewind.isAlive()) {
            Object shadows = db.queryValue("SELECT count(*) FROM pg_database WHERE datname LIKE '"
                    + db.name() + "\\_\\_rewind\\_shadow\\_%'");
            if (((Number) shadows).longValue() > 0) {
                return;
            }
            RollbackScenario.sleep(5);
        }
        throw new AssertionError("the standby was never seen renamed to the run's shadow");
    }

    private static Optional<Run> latestRun(RollbackScenario app) {
        return runs(app).stream().findFirst();
    }

    private static List<Run> runs(RollbackScenario app) {
        try (Rewind rewind = app.rewind()) {
            return rewind.store().runs("production");
        }
    }

    private static List<RunStep> journal(RollbackScenario app, String runId) {
        try (Rewind rewind = app.rewind()) {
            return rewind.store().steps(runId);
        }
    }
}
