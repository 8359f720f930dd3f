package dev.rewind.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.ProcessResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook's trigger as bench/run.sh runs it: bench/runbook/monitor.sh against a real HTTP server whose /health
 * answers a fixed sequence. Only the third failure in a row starts rollback.sh, which here finds no backup.
 */
class MonitorScriptTest {

    private static final Path SCRIPTS = Path.of("runbook").toAbsolutePath();

    @Test
    void rollsBackOnTheThirdConsecutiveFailureOnly(@TempDir Path project) throws IOException {
        List<Integer> answers = List.of(200, 503, 503, 200, 503, 503, 503);
        AtomicInteger checks = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            int check = checks.getAndIncrement();
            exchange.sendResponseHeaders(answers.get(Math.min(check, answers.size() - 1)), -1);
            exchange.close();
        });
        server.start();
        try {
            ProcessResult result = ChildProcess.run(List.of(SCRIPTS.resolve("monitor.sh").toString()), project,
                    Map.of("HEALTH_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/health",
                            "HEALTH_CHECK_INTERVAL", "0.05", "DB_NAME", "shop", "FILES_DIR", project.toString(),
                            "BACKEND_ROOT", project.toString()), Duration.ofSeconds(30));

            RunbookLog log = RunbookLog.parse(result.stdout());
            assertThat(checks.get()).isEqualTo(answers.size());
            assertThat(log.lines()).extracting(RunbookLog.Line::level, RunbookLog.Line::message).containsSubsequence(
                    tuple("WARN", "Health check failed (2/3)"),
                    tuple("INFO", "Health check passed"),
                    tuple("WARN", "Health check failed (3/3)"),
                    tuple("ERROR", RunbookLog.DECISION + ": immediate rollback"),
                    tuple("STEP", RunbookLog.FIRST_STEP));
            assertThat(log.at(RunbookLog.DECISION)).isBefore(log.at(RunbookLog.FIRST_STEP));
            assertThat(result.stdout()).contains("=== Automatic Rollback Script ===");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).contains("[ERROR] No backup information found at ./.last-deployment-backup");
        } finally {
            server.stop(0);
        }
    }
}
