package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rewind rollback} end to end: the sample app as a real detached process, a real PostgreSQL and real files.
 * v1 is live and backed up, v2 is live with rows and files written after the backup; the rollback must leave v1
 * serving on v1's data with v2's state kept, not dropped.
 */
@ExtendWith(PostgresExtension.class)
class RollbackEndToEndTest {

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    @Test
    void aRollbackRestoresV1AndItsDataAndKeepsV2sState(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            assertThat(app.items()).isEqualTo(5);

            ProcessResult result = cli.run("rollback", "production", "--yes", "--json", "-c", app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode json = Json.mapper().readTree(result.stdout());
            String run = json.get("run_id").asText();
            assertThat(json.get("status").asText()).isEqualTo("succeeded");
            assertThat(json.get("steps")).allSatisfy(step -> assertThat(step.get("status").asText()).isEqualTo("done"));
            assertRolledBack(app, run);
            assertThat(json.get("downtime").asText()).isNotBlank();
            assertThat(result.stderr()).contains("ROLLBACK IN PROGRESS", "Rolling back to: v1", "ROLLBACK COMPLETE");

            ProcessResult journal = cli.run("run", run, "-c", app.config.toString());
            assertThat(journal.stdout()).contains("✓ prepare", "✓ swap uploads", "✓ verify", "rollback.started",
                    "rollback.completed");
            assertThat(cli.run("runs", "production", "-c", app.config.toString()).stdout()).contains(run, "succeeded");
            ProcessResult verify = cli.run("verify", "production", "-c", app.config.toString());
            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            assertThat(verify.stdout()).contains("✓ tables db", "✓ files uploads", "✓ smoke items-api", "✓ logs backend");
        }
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            long pid = app.driver().pids().getFirst();

            ProcessResult result = cli.run("rollback", "production", "--dry-run", "-c", app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Plan: roll production back from v2", "to v1", "Backup: " + app.backupId,
                    "every checksum verified", "prepare", "restore db and uploads", "Nothing was changed");
            assertUnchanged(app, pid);
            assertThat(databases(db)).noneMatch(name -> name.startsWith(db.name() + "__rewind_"));
        }
    }

    @Test
    void onlyTheBackendLeavesTheDatastoresAlone(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            ProcessResult result = cli.run("rollback", "production", "--only", "backend", "--yes", "-c", app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(app.runningVersion()).isEqualTo("v1");
            assertThat(app.items()).isEqualTo(5);
            assertThat(app.uploads()).hasSize(5);
            assertThat(result.stdout()).doesNotContain("prepare", "swap");
        }
    }

    /**
     * The restored v1 schema lacks v2's migration, so v2 reports itself unhealthy and the verification fails the run:
     * a partial rollback is checked like a whole one.
     */
    @Test
    void onlyTheDatabaseLeavesTheProcessesAlone(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            long pid = app.driver().pids().getFirst();

            ProcessResult result = cli.run("rollback", "production", "--only", "db", "--yes", "-c", app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stdout()).contains("✓ swap db", "✗ verify", "migrations").doesNotContain("stop backend");
            assertThat(app.items()).isEqualTo(3);
            assertThat(app.uploads()).hasSize(5);
            assertThat(app.driver().pids()).containsExactly(pid);
            assertThat(app.runningVersion()).isEqualTo("v2");
            assertThat(statuses(app)).containsEntry("v2", ReleaseStatus.LIVE).containsEntry("v1", ReleaseStatus.SUPERSEDED);
        }
    }

    @Test
    void aMissingReleaseDirectoryFailsInPreflightBeforeAnythingStops(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            long pid = app.driver().pids().getFirst();
            Files.move(dir.resolve("backend/releases/v1"), dir.resolve("v1-elsewhere"));

            ProcessResult result = cli.run("rollback", "production", "--yes", "-c", app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stdout()).contains("✗ preflight", "releases/v1", "nothing was stopped or changed",
                    "Resume with: rewind rollback production --resume run-");
            assertUnchanged(app, pid);
        }
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingLiveIsTouched(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            long pid = app.driver().pids().getFirst();
            Path dump = dir.resolve(".rewind/backups/production/" + app.backupId + "/db");
            try (var files = Files.list(dump)) {
                Path data = files.filter(f -> f.getFileName().toString().endsWith(".dat")).findFirst().orElseThrow();
                Files.write(data, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            }

            ProcessResult result = cli.run("rollback", "production", "--yes", "-c", app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stdout()).contains("✗ prepare", "is damaged", "altered", "· stop backend")
                    .doesNotContain("✓ stop backend", "kept");
            assertUnchanged(app, pid);
        }
    }

    @Test
    void confirmationIsRequiredWithoutATerminalOrTheRightName(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            long pid = app.driver().pids().getFirst();

            ProcessResult noTerminal = cli.run("rollback", "production", "-c", app.config.toString());
            ProcessResult wrongName = new CliRunner().terminal("prod\n").run("rollback", "production", "-c", app.config.toString());

            assertThat(noTerminal.exitCode()).isEqualTo(2);
            assertThat(noTerminal.stderr()).contains("pass --yes, or set REWIND_CONFIRM=yes");
            assertThat(wrongName.exitCode()).isEqualTo(2);
            assertThat(wrongName.stderr()).contains("Type the environment name to proceed:", "cancelled");
            assertUnchanged(app, pid);

            ProcessResult typed = new CliRunner().terminal("production\n").run("rollback", "production", "-c", app.config.toString());
            assertThat(typed.exitCode()).as(typed.toString()).isZero();
            assertThat(app.runningVersion()).isEqualTo("v1");
        }
    }

    /** v1 serves on the backup's data; v2's database and directory are kept under the run's id; releases recorded. */
    static void assertRolledBack(RollbackScenario app, String run) throws Exception {
        assertThat(app.runningVersion()).isEqualTo("v1");
        assertThat(app.items()).isEqualTo(3);
        assertThat(app.uploads()).containsExactly("1.txt", "2.txt", "3.txt");
        String kept = DatabaseNames.kept(app.db.name(), run);
        assertThat(app.db.queryValue("SELECT count(*) FROM pg_database WHERE datname = '" + kept + "'")).isEqualTo(1L);
        PostgresDatabase keptDb = new PostgresDatabase(app.db.host(), app.db.port(), kept, app.db.user());
        assertThat(keptDb.queryValue("SELECT count(*) FROM items")).isEqualTo(5L);
        try (var files = Files.list(app.dir.resolve("uploads.rewind-" + run + "/items"))) {
            assertThat(files.count()).isEqualTo(5);
        }
        assertThat(statuses(app)).containsEntry("v1", ReleaseStatus.LIVE).containsEntry("v2", ReleaseStatus.ROLLED_BACK);
        assertThat(app.driver().pids()).hasSize(1);
    }

    static void assertUnchanged(RollbackScenario app, long pid) throws Exception {
        assertThat(app.runningVersion()).isEqualTo("v2");
        assertThat(app.driver().pids()).containsExactly(pid);
        assertThat(app.items()).isEqualTo(5);
        assertThat(app.uploads()).hasSize(5);
        assertThat(statuses(app)).containsEntry("v2", ReleaseStatus.LIVE).containsEntry("v1", ReleaseStatus.SUPERSEDED);
    }

    static Map<String, ReleaseStatus> statuses(RollbackScenario app) {
        try (Rewind rewind = app.rewind()) {
            return rewind.store().releases("production").stream()
                    .collect(Collectors.toMap(Release::version, Release::status));
        }
    }

    static List<String> databases(PostgresDatabase db) {
        try (var connection = db.connect(); var rs = connection.createStatement().executeQuery("SELECT datname FROM pg_database")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
