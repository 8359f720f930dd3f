package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class BackupCommandsTest {

    @TempDir
    Path dir;

    private String config;
    private final CliRunner cli = new CliRunner().env("PATH", System.getenv("PATH"));

    @BeforeEach
    void project(PostgresDatabase db) throws Exception {
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
