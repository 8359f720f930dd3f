package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.ProcessResult;
import java.io.IOException;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code rewind demo} as a newcomer runs it: a child process on an embedded PostgreSQL, nothing else. */
class DemoCommandTest {

    private static final Duration DEMO_LIMIT = Duration.ofMinutes(3);

    @Test
    void theDemoRollsBackTheBadReleaseKeepsItsWritesAndLeavesNoProcess(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("demo");

        ProcessResult result = ChildProcess.run(RollbackScenario.cliCommand("demo", "--dir", dir.toString(), "--json"),
                tmp, Map.of("PATH", pathWithoutPgDump(tmp)), DEMO_LIMIT);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode demo = Json.readTree(result.stdout());
        assertThat(demo.get("strategy").asText()).as("no pg_dump on PATH").isEqualTo("clone");
        assertThat(demo.get("rollback_status").asText()).isEqualTo("succeeded");
        assertThat(demo.get("serving_version").asText()).isEqualTo("v1");
        assertThat(demo.get("items_live").asLong()).as("the orders written under v1").isEqualTo(5);
        assertThat(demo.get("items_kept").asLong()).as("v1's and v2's orders, kept").isEqualTo(7);
        assertThat(demo.get("trigger").asText()).contains("ROLLBACK_NOW");
        assertThat(Path.of(demo.get("report").asText())).exists().content().contains("rolled back");
        assertThat(demo.get("running").asBoolean()).isFalse();
        assertThat(processesIn(dir)).as("processes left behind").isEmpty();
        assertThat(result.stderr()).contains("✓ swap db", "ROLLBACK COMPLETE");
    }

    @Test
    void keepLeavesTheShopServingV1UntilStop(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("demo");
        ProcessResult stop;
        try {
            ProcessResult result = ChildProcess.run(RollbackScenario.cliCommand("demo", "--dir", dir.toString(), "--keep"),
                    tmp, Map.of(), DEMO_LIMIT);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("backups by `dump`", "Serving: v1 with 5 orders",
                    "detected: watch: the policy decided ROLLBACK_NOW: rule ",
                    "Stop them with: rewind demo --stop --dir " + dir);
            String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(appUrl(dir) + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(Json.readTree(health).get("version").asText()).isEqualTo("v1");
            ProcessResult status = ChildProcess.run(RollbackScenario.cliCommand("status", "--json"), dir, Map.of(),
                    Duration.ofMinutes(1));
            assertThat(Json.readTree(status.stdout()).at("/environments/0/live/version").asText()).isEqualTo("v1");
        } finally {
            stop = ChildProcess.run(RollbackScenario.cliCommand("demo", "--stop", "--dir", dir.toString()),
                    tmp, Map.of(), Duration.ofMinutes(1));
        }
        assertThat(stop.stdout()).as(stop.toString()).contains("backend stopped, PostgreSQL stopped");
        assertThat(processesIn(dir)).as("processes left behind").isEmpty();
    }

    @ParameterizedTest(name = "SIGTERM after \"{0}\"")
    @ValueSource(strings = {"backups by", "▸ deploy v2"})
    void aSignalledDemoStopsWhatItStarted(String line, @TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("demo");
        Path out = tmp.resolve("demo.out");
        Process demo = new ProcessBuilder(RollbackScenario.cliCommand("demo", "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.readString(out).contains(line)) {
                assertThat(System.nanoTime()).as("the demo printed \"%s\" in time", line).isLessThan(deadline);
                RollbackScenario.sleep(50);
            }
            demo.destroy();
            assertThat(demo.waitFor(1, TimeUnit.MINUTES)).as("the demo exits on SIGTERM").isTrue();
        } finally {
            demo.destroyForcibly();
        }
        RollbackScenario.sleep(2000); // a server still starting would show up by now
        assertThat(processesIn(dir)).as("processes left behind; the demo printed:%n%s", Files.readString(out)).isEmpty();
    }

    /** The shop's URL, from the project the demo wrote. */
    private static String appUrl(Path dir) throws IOException {
        String config = Files.readString(dir.resolve("rewind.yaml"));
        int at = config.indexOf("http://127.0.0.1:");
        return config.substring(at, config.indexOf("/health", at));
    }

    /** A PATH with every tool of /usr/bin but PostgreSQL's client tools: the demo must fall back to `clone`. */
    private static String pathWithoutPgDump(Path tmp) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        try (var tools = Files.list(Path.of("/usr/bin"))) {
            for (Path tool : tools.filter(t -> !t.getFileName().toString().startsWith("pg_")).toList()) {
                Files.createSymbolicLink(bin.resolve(tool.getFileName()), tool);
            }
        }
        return bin.toString();
    }

    /** Live processes working in {@code dir}: started there, or naming it on their command line. */
    private static List<Long> processesIn(Path dir) {
        String path = dir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(path) || workingDirectory(p).startsWith(path))
                .map(ProcessHandle::pid)
                .toList();
    }

    private static String workingDirectory(ProcessHandle process) {
        try {
            return Path.of("/proc", String.valueOf(process.pid()), "cwd").toRealPath().toString();
        } catch (IOException e) {
            return "";
        }
    }
}
