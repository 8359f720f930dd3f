package dev.rewind.core.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process stats of real child processes, read from the real /proc. */
class ProcessStatsTest {

    private final Map<String, Process> children = new LinkedHashMap<>();

    static Process start(String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children.values()) {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("child %d stopped", child.pid()).isTrue();
        }
    }

    @Test
    void aSleepingChildUsesMemoryAndAlmostNoCpu() throws IOException {
        Process sleeper = start("sleep", "30");
        children.put("sleeper", sleeper);

        ProcessUsage usage = new ProcessStats().measure(sleeper.pid());

        assertThat(usage.reason()).isNull();
        assertThat(usage.pid()).isEqualTo(sleeper.pid());
        assertThat(usage.rssBytes()).isPositive();
        assertThat(usage.memoryPercent()).isGreaterThan(0.0).isLessThan(0.5);
        assertThat(usage.cpuPercent()).isGreaterThanOrEqualTo(0.0).isLessThan(0.5);
    }

    @Test
    void aBusyChildUsesCpuMeasuredBetweenTwoReadings() throws IOException {
        Process busy = start("sh", "-c", "while :; do :; done");
        children.put("busy", busy);
        ProcessStats stats = new ProcessStats(Path.of("/proc"), Duration.ofMillis(300));

        ProcessUsage first = stats.measure(busy.pid());
        ProcessUsage second = stats.measure(busy.pid());

        int cpus = Runtime.getRuntime().availableProcessors();
        assertThat(first.cpuPercent()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(second.cpuPercent()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        // one shell spinning is at most one CPU's worth
        assertThat(second.cpuPercent()).isLessThanOrEqualTo(1.0 / cpus + 0.05);
    }

    @Test
    void aPidWithoutAProcessHasNoDataAndSaysWhy() throws Exception {
        Process gone = start("true");
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();

        ProcessUsage usage = new ProcessStats().measure(gone.pid());

        assertThat(usage.hasData()).isFalse();
        assertThat(usage.rssBytes()).isNull();
        assertThat(usage.reason()).isEqualTo("no process " + gone.pid() + " (it has exited, or the pid is wrong)");
    }

    @Test
    void severalProcessesAreMeasuredTogetherByName() throws IOException {
        Process sleeper = start("sleep", "30");
        children.put("sleeper", sleeper);
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("worker", sleeper.pid());
        pids.put("ghost", Long.MAX_VALUE);

        Map<String, ProcessUsage> usage = new ProcessStats().measure(pids);

        assertThat(usage).containsOnlyKeys("worker", "ghost");
        assertThat(usage.get("worker").hasData()).isTrue();
        assertThat(usage.get("ghost").reason()).startsWith("no process " + Long.MAX_VALUE);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesIsParsed(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("42"));
        Files.writeString(proc.resolve("meminfo"), "MemTotal:        4000000 kB\nMemFree:         1000 kB\n");
        Files.writeString(proc.resolve("42/status"), "Name:\tweird\nVmPeak:\t  9000 kB\nVmRSS:\t  1000000 kB\n");
        Files.writeString(proc.resolve("42/stat"), "42 (my (odd) app) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0"
                + " 20 0 1 0 12345 1000000 250000 18446744073709551615\n");

        ProcessUsage usage = new ProcessStats(proc, Duration.ofMillis(1)).measure(42);

        assertThat(usage).isEqualTo(new ProcessUsage(42, 1_024_000_000L, 0.25, 0.0, null));
    }

    @Test
    void withoutProcThereIsNoDataAndTheReasonSaysLinux(@TempDir Path notProc) throws IOException {
        Files.createDirectories(notProc.resolve("1"));

        ProcessUsage usage = new ProcessStats(notProc, Duration.ofMillis(1)).measure(1);

        assertThat(usage.reason()).isEqualTo("there is no " + notProc + " here: process stats need Linux");
    }
}
