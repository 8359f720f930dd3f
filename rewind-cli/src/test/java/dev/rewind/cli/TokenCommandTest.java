package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import dev.rewind.server.RewindServer;
import dev.rewind.server.ServerOptions;
import dev.rewind.testkit.ProcessResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewind token create|list|revoke}, and what the server makes of the tokens. */
class TokenCommandTest {

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
    void createPrintsTheTokenOnceAndListShowsItWithoutTheSecret() {
        ProcessResult created = cli.run("token", "create", "alice", "--role", "operator", "-c", config);
        ProcessResult list = cli.run("token", "list", "-c", config);

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stdout()).matches("rwd_[A-Za-z0-9_-]{43}\n");
        assertThat(created.stderr()).startsWith("token alice (operator) created; it is shown only this once");
        assertThat(list.stdout()).startsWith("NAME   ROLE      CREATED                  BY      LAST USED  REVOKED\n"
                + "alice  operator  ").endsWith("  tester  -          -\n")
                .doesNotContain(created.stdout().strip());
    }

    @Test
    void theJsonOfCreateListAndRevoke() {
        JsonNode created = Json.readTree(cli.run("token", "create", "bot", "--role", "viewer", "--json", "-c", config).stdout());
        JsonNode list = Json.readTree(cli.run("token", "list", "--json", "-c", config).stdout());
        JsonNode revoked = Json.readTree(cli.run("token", "revoke", "bot", "--json", "-c", config).stdout());

        assertThat(created.fieldNames()).toIterable().containsExactly("name", "role", "token", "created_at", "created_by");
        assertThat(created.get("role").asText()).isEqualTo("viewer");
        assertThat(list.get("tokens").get(0).fieldNames()).toIterable()
                .containsExactly("name", "role", "created_at", "created_by", "revoked_at", "last_used_at");
        assertThat(revoked.get("name").asText()).isEqualTo("bot");
        assertThat(revoked.get("revoked_at").isNull()).isFalse();
    }

    @Test
    void aRevokedTokenIsRefusedByTheServer() throws Exception {
        String token = cli.run("token", "create", "alice", "--role", "viewer", "-c", config).stdout().strip();
        try (Rewind rewind = Rewind.open(Path.of(config), Map.of("PATH", System.getenv("PATH")));
             RewindServer server = RewindServer.start(rewind, new ServerOptions("127.0.0.1", 0, "test"))) {
            int before = whoami(server, token);
            ProcessResult revoke = cli.run("token", "revoke", "alice", "-c", config);
            int after = whoami(server, token);

            assertThat(before).isEqualTo(200);
            assertThat(revoke.stdout()).isEqualTo("✓ token alice (viewer) revoked; requests with it are refused\n");
            assertThat(after).isEqualTo(401);
        }
        String time = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC";
        assertThat(cli.run("token", "list", "-c", config).stdout().lines())
                .filteredOn(line -> line.startsWith("alice")).singleElement().asString()
                .as("NAME ROLE CREATED BY LAST USED REVOKED")
                .matches("alice +viewer +" + time + " +tester +" + time + " +" + time);
    }

    @Test
    void mistakesAreUsageErrors() {
        cli.run("token", "create", "alice", "--role", "viewer", "-c", config);

        ProcessResult twice = cli.run("token", "create", "alice", "--role", "admin", "-c", config);
        ProcessResult unknown = cli.run("token", "revoke", "bob", "-c", config);
        ProcessResult badRole = cli.run("token", "create", "carol", "--role", "root", "-c", config);
        ProcessResult noRole = cli.run("token", "create", "carol", "-c", config);
        ProcessResult bare = cli.run("token");

        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.stderr()).contains("a token named alice exists already", "rewind token revoke alice");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("no token named 'bob' to revoke");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.stderr()).contains("--role", "VIEWER, OPERATOR, ADMIN");
        assertThat(noRole.exitCode()).isEqualTo(2);
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.stderr()).contains("create, list or revoke");
    }

    private static int whoami(RewindServer server, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/whoami"))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
