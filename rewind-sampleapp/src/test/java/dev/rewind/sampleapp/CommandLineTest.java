package dev.rewind.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.testkit.ProcessResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The process contract: the listening line, exit codes, --no-start, --crash-after, SIGTERM. */
class CommandLineTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @Test
    void printsExactlyOneListeningLineWithTheRealPortAndStopsWithZeroOnSigterm() throws Exception {
        try (RunningApp app = RunningApp.start("--version", "v3")) {
            assertThat(app.uri("/").getPort()).isPositive();
            assertThat(app.stdout()).isEqualTo("sampleapp v3 listening on http://127.0.0.1:"
                    + app.uri("/").getPort() + "\n");
            assertThat(app.stop()).isZero();
            assertThat(app.stdout()).hasLineCount(1);
        }
    }

    @Test
    void aBadFlagExitsTwoNamingTheFlagAndItsForm() {
        ProcessResult result = RunningApp.run(GENEROUS, "--version", "v1", "--latency", "soon");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("ERROR --latency expects a duration like 800ms, 5s or 2m, got \"soon\"");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void anUnknownFlagOrAMissingVersionExitsTwo() {
        ProcessResult unknown = RunningApp.run(GENEROUS, "--version", "v1", "--verbose");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("unknown flag --verbose");
        ProcessResult missing = RunningApp.run(GENEROUS);
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--version is required");
    }

    @Test
    void noStartExitsOneBeforeListening() {
        ProcessResult result = RunningApp.run(GENEROUS, "--version", "v2", "--no-start");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("ERROR refusing to start: --no-start");
        assertThat(result.stdout()).doesNotContain("listening");
    }

    @Test
    void crashAfterExitsOneAfterServingForThatLong() {
        long start = System.nanoTime();
        ProcessResult result = RunningApp.run(GENEROUS, "--version", "v2", "--crash-after", "1s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).startsWith("sampleapp v2 listening on http://127.0.0.1:");
        assertThat(result.stderr()).contains("ERROR crashing after 1s as asked by --crash-after");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        ProcessResult result = RunningApp.run(GENEROUS, "--help");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("usage: ").contains("--health-fail-after D");
    }

    @Test
    void anUnreachableDatabaseAtStartExitsOneWithoutLeakingTheQueryString() {
        ProcessResult result = RunningApp.run(GENEROUS, "--version", "v1",
                "--db", "jdbc:postgresql://127.0.0.1:1/shop?user=postgres&password=secret");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("ERROR cannot migrate jdbc:postgresql://127.0.0.1:1/shop: ")
                .doesNotContain("secret");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aTakenPortExitsOneSayingSo() throws Exception {
        try (RunningApp first = RunningApp.start("--version", "v1")) {
            String port = Integer.toString(first.uri("/").getPort());
            ProcessResult second = RunningApp.run(GENEROUS, "--version", "v1", "--port", port);
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
            assertThat(second.stderr()).contains("ERROR cannot listen on 127.0.0.1:" + port);
        }
    }
}
