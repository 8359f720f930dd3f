package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.testkit.ProcessResult;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldCommandTest {

    @TempDir
    Path dir;

    private String config;
    private final CliRunner cli = new CliRunner();

    @BeforeEach
    void exampleProject() {
        config = dir.resolve("rewind.yaml").toString();
        assertThat(cli.run("init", "--example", "-c", config).exitCode()).isZero();
    }

    @Test
    void placeShowInStatusAndRelease() throws Exception {
        ProcessResult placed = cli.run("hold", "production", "--for", "15m", "--reason", "hotfix in progress", "-c", config);
        JsonNode active = Json.mapper().readTree(cli.run("status", "production", "--json", "-c", config).stdout())
                .get("environments").get(0).get("active_holds");
        ProcessResult released = cli.run("hold", "production", "--release", "--json", "-c", config);
        ProcessResult again = cli.run("hold", "production", "--release", "-c", config);

        assertThat(placed.exitCode()).as(placed.toString()).isZero();
        assertThat(placed.stdout()).startsWith("✓ hold hold-").contains(": hotfix in progress\n")
                .contains("ROLLBACK_NOW still rolls back");
        assertThat(active).hasSize(1);
        assertThat(active.get(0).get("created_by").asText()).isEqualTo("tester");
        JsonNode json = Json.mapper().readTree(released.stdout());
        assertThat(json.get("released").asBoolean()).isTrue();
        assertThat(json.get("changed").get(0).get("released_by").asText()).isEqualTo("tester");
        assertThat(json.get("active")).isEmpty();
        assertThat(again.stdout()).isEqualTo("no active hold on production\n");
    }

    @Test
    void badInputIsAUsageError() {
        assertThat(cli.run("hold", "production", "--for", "soon", "--reason", "x", "-c", config).exitCode()).isEqualTo(2);
        assertThat(cli.run("hold", "production", "-c", config).exitCode()).isEqualTo(2);
        assertThat(cli.run("hold", "production", "--for", "15m", "-c", config).stderr()).contains("--reason");
        assertThat(cli.run("hold", "production", "--release", "--for", "1m", "--reason", "x", "-c", config).exitCode()).isEqualTo(2);
    }
}
