package dev.rewind.cli;

import static dev.rewind.cli.RollbackEndToEndTest.assertRolledBack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code rewind rollback} with a warm standby of its backup set: the prepare step takes the standby over instead of
 * restoring, and the run ends exactly as one without; a standby written to since it was ready is not used.
 */
@ExtendWith(PostgresExtension.class)
class RollbackStandbyTest {

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dump", "clone"})
    void aRollbackWithAReadyStandbyEndsAsOneWithoutAndSaysItUsedIt(String strategy, PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, strategy).deployV1ThenV2()) {
            prepareStandby(app);
            ProcessResult listed = cli.run("backups", "production", "-c", app.config.toString());
            ProcessResult dryRun = cli.run("rollback", "production", "--dry-run", "-c", app.config.toString());

            ProcessResult result = cli.run("rollback", "production", "--yes", "--json", "-c", app.config.toString());

            assertThat(listed.stdout()).contains(app.backupId + "  complete").contains("ready (db, uploads)");
            assertThat(dryRun.stdout()).contains("Standby of db: will be used: the standby "
                            + DatabaseNames.standby(db.name(), app.backupId),
                    "Standby of uploads: will be used: the standby " + standbyDir(app));
            assertThat(result.exitCode()).as(result.toString()).isZero();
            String run = Json.mapper().readTree(result.stdout()).get("run_id").asText();
            assertRolledBack(app, run);
            JsonNode prepared = prepareOutput(app, run).get("datastores");
            assertThat(prepared).hasSize(2).allSatisfy(d -> {
                assertThat(d.get("standby").get("used").asBoolean()).as(d.toString()).isTrue();
                assertThat(d.get("detail").asText()).startsWith("renamed ");
            });
            assertThat(prepared.get(0).get("standby").get("reason").asText())
                    .contains("tables with the manifest's exact row counts, no row written since");
            assertThat(RollbackEndToEndTest.databases(db)).noneMatch(name -> name.equals(
                    DatabaseNames.standby(db.name(), app.backupId)));
            assertThat(standbyDir(app)).doesNotExist();
            assertThat(cli.run("backups", "production", "-c", app.config.toString()).stdout()).doesNotContain("ready (");
        }
    }

    @Test
    void aStandbyWhoseDatabaseWasModifiedIsNotUsed(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            prepareStandby(app);
            String standby = DatabaseNames.standby(db.name(), app.backupId);
            db.execute("ALTER DATABASE \"" + standby + "\" WITH ALLOW_CONNECTIONS true");
            new PostgresDatabase(db.host(), db.port(), standby, db.user())
                    .execute("INSERT INTO items(name, body) VALUES ('sneaked in', 'after the standby was ready')");
            db.execute("ALTER DATABASE \"" + standby + "\" WITH ALLOW_CONNECTIONS false");
            ProcessResult dryRun = cli.run("rollback", "production", "--dry-run", "-c", app.config.toString());

            ProcessResult result = cli.run("rollback", "production", "--yes", "--json", "-c", app.config.toString());

            assertThat(dryRun.stdout()).contains("Standby of db: will be used: the standby " + standby,
                    "its rows are re-checked when the rollback takes it over", "Standby of uploads: will be used");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            String run = Json.mapper().readTree(result.stdout()).get("run_id").asText();
            assertRolledBack(app, run);
            JsonNode prepared = prepareOutput(app, run).get("datastores");
            assertThat(prepared.get(0).get("datastore").asText()).isEqualTo("db");
            assertThat(prepared.get(0).get("standby").get("used").asBoolean()).isFalse();
            assertThat(prepared.get(0).get("standby").get("reason").asText())
                    .contains("is not as it was when ready", "public.items: expected 3 rows, found 4",
                            "kept as " + DatabaseNames.kept(db.name(), run + "_standby"));
            assertThat(new PostgresDatabase(db.host(), db.port(), DatabaseNames.kept(db.name(), run + "_standby"),
                    db.user()).queryValue("SELECT count(*) FROM items WHERE name = 'sneaked in'")).isEqualTo(1L);
            assertThat(prepared.get(0).get("detail").asText()).startsWith("restored into "
                    + DatabaseNames.shadow(db.name(), run));
            assertThat(prepared.get(1).get("standby").get("used").asBoolean()).isTrue();
        }
    }

    @Test
    void aStandbyThatAllowsConnectionsIsNotUsedAndTheRunRestores(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            prepareStandby(app);
            String standby = DatabaseNames.standby(db.name(), app.backupId);
            db.execute("ALTER DATABASE \"" + standby + "\" WITH ALLOW_CONNECTIONS true");

            ProcessResult result = cli.run("rollback", "production", "--yes", "--json", "-c", app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            String run = Json.mapper().readTree(result.stdout()).get("run_id").asText();
            assertRolledBack(app, run);
            JsonNode prepared = prepareOutput(app, run).get("datastores");
            assertThat(prepared.get(0).get("standby").get("used").asBoolean()).isFalse();
            assertThat(prepared.get(0).get("standby").get("reason").asText())
                    .contains("the standby allowed connections: " + standby);
            assertThat(prepared.get(0).get("detail").asText()).startsWith("restored into "
                    + DatabaseNames.shadow(db.name(), run));
            assertThat(prepared.get(1).get("standby").get("used").asBoolean()).isTrue();
        }
    }

    /** The standby of the scenario's backup set (v1's data), as a deploy prepares it during its watch. */
    static void prepareStandby(RollbackScenario app) {
        try (Rewind rewind = app.rewind()) {
            rewind.standbys().prepare(rewind.store().backupSet(app.backupId).orElseThrow(),
                    rewind.environment(app.env), Progress.NONE);
        }
    }

    static Path standbyDir(RollbackScenario app) {
        return app.dir.resolve("uploads.rewind-standby-" + app.backupId).toAbsolutePath().normalize();
    }

    /** What the run's prepare step recorded. */
    static JsonNode prepareOutput(RollbackScenario app, String run) {
        try (Rewind rewind = app.rewind()) {
            return Json.readTree(rewind.store().steps(run).stream().filter(s -> s.name().equals("prepare"))
                    .findFirst().orElseThrow().outputJson());
        }
    }
}
