package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.ProcessResult;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the artifact itself: the shaded rewind.jar, run as a child process in a fresh directory. */
class RewindJarIT {

    @TempDir
    Path dir;

    @Test
    void printsItsVersion() {
        ProcessResult result = RewindJar.run(dir, "--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("rewind 0.");
    }

    @Test
    void initExampleValidateAndStatusInAnEmptyDirectory() throws Exception {
        ProcessResult init = RewindJar.run(dir, "init", "--example");
        ProcessResult validate = RewindJar.run(dir, "validate");
        ProcessResult status = RewindJar.run(dir, "status", "--json");
        ProcessResult releases = RewindJar.run(dir, "releases", "production", "--json");

        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.stdout()).startsWith("✓ rewind.yaml is valid: project shop, 2 environments");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode json = Json.mapper().readTree(status.stdout());
        assertThat(json.get("environments")).extracting(e -> e.get("environment").asText()).containsExactly("production", "staging");
        assertThat(status.stderr()).isEmpty();
        assertThat(Json.mapper().readTree(releases.stdout()).get("releases")).isEmpty();
        assertThat(dir.resolve(".rewind/state.db")).exists();
    }

    @Test
    void theSampleAppShippedInTheExampleRuns() throws Exception {
        RewindJar.run(dir, "init", "--example");

        ProcessResult app = ChildProcess.run(List.of(ChildProcess.java(), "-jar", "app/sampleapp.jar", "--version", "v1", "--no-start"),
                dir, Map.of(), Duration.ofSeconds(30));

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.stderr()).contains("refusing to start: --no-start");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void serveAnswersHealthzUntilStopped() throws Exception {
        RewindJar.run(dir, "init", "--example");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process serve = RewindJar.start(dir, "serve", "--port", String.valueOf(port));
        try {
            String line = serve.inputReader().readLine();
            HttpResponse<String> healthz = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(line).isEqualTo("Serving shop on http://127.0.0.1:" + port + "/ (Ctrl-C to stop)");
            assertThat(healthz.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(healthz.body()).get("version").asText()).startsWith("0.");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(1, TimeUnit.MINUTES)).as("stopped by SIGTERM").isTrue();
        }
        assertThat(Files.readString(dir.resolve("rewind.err"))).doesNotContain("Exception");
    }

    @Test
    void aBadConfigExitsTwoWithoutAStackTrace() throws Exception {
        Files.writeString(dir.resolve("rewind.yaml"), "project: shop\nenvironments:\n  production:\n    componets: {}\n");

        ProcessResult result = RewindJar.run(dir, "validate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("rewind.yaml:4:5: unknown key 'componets'", "did you mean `components`?")
                .doesNotContain("\tat ");
    }
}
