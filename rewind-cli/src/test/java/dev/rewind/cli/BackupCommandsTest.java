package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import dev.rewind.core.backup.postgres.DatabaseNames;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class BackupCommandsTest {

    @TempDir
    Path dir;

    private String config;
    private PostgresDatabase db;
    private final CliRunner cli = new CliRunner().env("PATH", System.getenv("PATH"));

    @BeforeEach
    void project(PostgresDatabase db) throws Exception {
        this.db = db;
        db.execute("CREATE TABLE items(id serial PRIMARY KEY, body text); INSERT INTO items(body) SELECT md5(i::text) FROM generate_series(1, 300) i");
        Files.createDirectories(dir.resolve("uploads"));
        Files.writeString(dir.resolve("uploads/logo.png"), "not really a png");
        config = dir.resolve("rewind.yaml").toString();
        Files.writeString(Path.of(config), """
                project: shop
                environments:
                  production:
                    components: { api: { driver: process, start: ./api } }
                    datastores:
                      db: { postgres: "%s" }
                      uploads: { files: uploads }
                """.formatted(db.url()));
    }

    @Test
    void pruneDidNotListAStandbyLeftByAPreparationKilledMidRestore() throws Exception {
        Path tools = DeployEndToEndTest.slowPgRestore(dir);
        ProcessBuilder builder = new ProcessBuilder(RollbackScenario.cliCommand("backup", "production", "--standby",
                "-c", config)).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("backup.out").toFile()).redirectError(dir.resolve("backup.err").toFile());
        builder.environment().put("PATH", tools + File.pathSeparator + System.getenv("PATH"));
        Process rewind = builder.start();
        try {
            String standby = awaitStandbyRestoring(rewind, tools);
            rewind.destroyForcibly().waitFor(); // kill -9: its pg_restore lives on
            assertThat(leftovers(tools)).isNotEmpty();
            Path standbyDir = standbyDir().orElseThrow();

            ProcessResult listed = cli.run("prune", "production", "-c", config);
            ProcessResult removed = cli.run("prune", "production", "--yes", "-c", config);

            assertThat(listed.stdout()).containsPattern("standby database +" + standby)
                    .containsPattern("standby directory +" + standbyDir);
            assertThat(removed.exitCode()).as(removed.toString()).isZero();
            assertThat(RollbackEndToEndTest.databases(db)).doesNotContain(standby);
            assertThat(standbyDir).doesNotExist();
        } finally {
            rewind.destroyForcibly().waitFor();
            leftovers(tools).forEach(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        }
    }

    /** The standby database, once the command's pg_restore is under way and its standby directory staged. */
    private String awaitStandbyRestoring(Process rewind, Path tools) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && rewind.isAlive()) {
            Optional<String> standby = RollbackEndToEndTest.databases(db).stream()
                    .filter(name -> DatabaseNames.belongsTo(db.name(), name) && DatabaseNames.isStandby(name))
                    .findFirst();
            if (standby.isPresent() && !leftovers(tools).isEmpty()
                    && standbyDir().filter(d -> Files.exists(d.resolve("logo.png"))).isPresent()) {
                return standby.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the standby was never seen restoring; alive: " + rewind.isAlive() + ", databases: "
                + RollbackEndToEndTest.databases(db) + ", stderr: " + Files.readString(dir.resolve("backup.err")));
    }

    private Optional<Path> standbyDir() throws Exception {
        try (var siblings = Files.list(dir)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith("uploads.rewind-standby-")).findFirst();
        }
    }

    /** The processes whose command line names {@code path}: the slow pg_restore a killed command left. */
    private static List<ProcessHandle> leftovers(Path path) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(path.toString())).orElse(false))
                .filter(p -> p.pid() != ProcessHandle.current().pid()).toList();
    }

    @Test
    void backupsThrewOnATornStandbyMarker() throws Exception {
        cli.run("backup", "production", "-c", config);
        Files.createDirectories(dir.resolve(".rewind/standby"));
        Files.writeString(dir.resolve(".rewind/standby/production.json"), "{\"environment\": \"production\", \"set");

        ProcessResult result = cli.run("backups", "production", "-c", config);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).containsPattern("bak-\\S+ +complete .* -\n"); // no standby; the warning is logged
    }

    @Test
    void backupPrintsOneLinePerDatastoreAndTheSet() {
        ProcessResult result = cli.run("backup", "production", "-c", config);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).containsPattern("✓ db  dump  1 table, 300 rows, schema none, \\d+ files, .+\n")
                .contains("✓ uploads  copy  1 file, 16 B\n")
                .containsPattern("backup bak-\\S+ of production: .+ in \\d+\\.\\ds\n");
    }

    @Test
    void backupJsonIsOneDocument() throws Exception {
        ProcessResult result = cli.run("backup", "production", "--json", "-c", config);

        JsonNode json = Json.mapper().readTree(result.stdout());
        assertThat(json.get("id").asText()).startsWith("bak-");
        assertThat(json.get("items").get(0).get("rows").asLong()).isEqualTo(300);
        assertThat(json.get("items").get(1).get("files").asInt()).isEqualTo(1);
        assertThat(json.get("duration").asText()).matches("\\d.*");
    }

    @Test
    void backupWithStandbyRestoresTheSetAheadAndBackupsSaysItIsReady() throws Exception {
        ProcessResult first = cli.run("backup", "production", "--standby", "-c", config);
        ProcessResult second = cli.run("backup", "production", "--standby", "--json", "-c", config);
        ProcessResult listed = cli.run("backups", "production", "-c", config);
        ProcessResult listedJson = cli.run("backups", "production", "--json", "-c", config);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("✓ standby db  restored into ", "__rewind_standby_",
                "✓ standby uploads  staged 1 files in ").containsPattern("standby of bak-\\S+ ready in \\d+\\.\\ds");
        JsonNode standby = Json.mapper().readTree(second.stdout()).get("standby");
        String id = Json.mapper().readTree(second.stdout()).get("id").asText();
        assertThat(standby.get("set_id").asText()).isEqualTo(id);
        assertThat(standby.get("removed")).hasSize(2);
        assertThat(listed.stdout()).containsPattern(id + " .*ready \\(db, uploads\\)");
        JsonNode sets = Json.mapper().readTree(listedJson.stdout()).get("sets");
        assertThat(sets.get(0).get("standby").get("set_id").asText()).isEqualTo(id);
        assertThat(sets.get(1).get("standby").isNull()).isTrue();
    }

    @Test
    void verifyPassesThenNamesAnAlteredFileAndExitsOne() throws Exception {
        String id = Json.mapper().readTree(cli.run("backup", "production", "--json", "-c", config).stdout()).get("id").asText();

        ProcessResult clean = cli.run("backups", "production", "--verify", "-c", config);
        Path copy = dir.resolve(".rewind/backups/production/" + id + "/uploads/logo.png");
        copy.toFile().setWritable(true);
        Files.writeString(copy, "not really a pnG");
        ProcessResult damaged = cli.run("backups", "production", "--verify", "-c", config);
        ProcessResult damagedJson = cli.run("backups", "production", "--verify", "--json", "-c", config);

        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.stdout()).contains(id + "  complete").contains("✓ ok");
        assertThat(damaged.exitCode()).isEqualTo(1);
        assertThat(damaged.stdout()).contains("✗ " + id + ": altered: uploads/logo.png");
        JsonNode set = Json.mapper().readTree(damagedJson.stdout()).get("sets").get(0);
        assertThat(set.get("verification").get("problems").get(0).asText()).isEqualTo("altered: uploads/logo.png");
    }

    @Test
    void pruneListsAndRemovesOnlyWithYes() {
        cli.run("backup", "production", "-c", config);
        cli.run("backup", "production", "-c", config);

        ProcessResult listed = cli.run("prune", "production", "--older-than", "0s", "-c", config);
        ProcessResult removed = cli.run("prune", "production", "--older-than", "0s", "--yes", "-c", config);
        ProcessResult after = cli.run("prune", "production", "--older-than", "0s", "-c", config);

        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.stdout()).contains("backup set  bak-").contains("run again with --yes to remove these");
        assertThat(removed.stdout()).contains("removed 1 items");
        assertThat(after.stdout()).isEqualTo("nothing in production is older than 0s\n");
        assertThat(cli.run("prune", "production", "--older-than", "soon", "-c", config).exitCode()).isEqualTo(2);
    }
}
