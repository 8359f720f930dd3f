package dev.rewind.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deploy benchmark's tables: the CLI's deploy and the one through {@code rewind serve}, each against the target. */
class DeployReportTest {

    private static final Machine MACHINE = new Machine("2026-11-21 12:00 UTC", 2, "23.5 GiB", "ext4", "Linux",
            "OpenJDK 25", "PostgreSQL 15.19", "pg_dump 15.18", 2, "0.5 0.4 0.3");

    /** Plain 1 s and backup 3 s each time; the CLI's deploy 7 s and 6.5 s, the server's 4.5 s and 5.5 s. */
    @Test
    void setsBothDeploysBesideThePlainOneAndTheBackupEachWithItsOverhead() {
        String markdown = new DeployReport().markdown("bench/deploy.sh --size 50m", List.of(outcome(true, true)));

        assertThat(markdown).startsWith("#### `bench/deploy.sh --size 50m`\n")
                .contains("the backup alone, the same backup by `rewind backup` (a diagnostic), `rewind deploy` v2 → v1,"
                        + " v2 again by hand (untimed), the deploy v2 → v1 through `rewind serve`.")
                .contains("| plain + backup | 4.0 s (4.0 s – 4.0 s) |  |")
                .contains("| **overhead** = rewind − (plain + backup), per repetition | 2.5 s (2.5 s – 3.0 s) |"
                        + " overhead ≤ 2.0 s: ✗ missed, by 500 ms |")
                .contains("to a running `rewind serve` (warmed up by 2 deploys): just before the POST → the client sees"
                        + " the run finished (`GET /api/runs/{id}` every 20 ms) | 4.5 s (4.5 s – 5.5 s) |  |")
                .contains("| **overhead, through `rewind serve`** = serve − (plain + backup), per repetition |"
                        + " 500 ms (500 ms – 1.5 s) | overhead ≤ 2.0 s: ✓ met |")
                .contains("| part of `rewind deploy` | median | min – max | the same work alone | adds |")
                .contains("| part of the deploy through `rewind serve` | median | min – max | the same work alone | adds |")
                .contains("| POST → first step (HTTP, token, plan, lock) | 100 ms | 100 ms – 100 ms | — | +100 ms |")
                .contains("| **whole** | 4.5 s | 4.5 s – 5.5 s | 4.0 s (plain + backup) | +500 ms (median overhead) |");
        assertThat(markdown.split("diagnostic, not part of the deploy")).as("under the CLI's journal only").hasSize(2);
    }

    @Test
    void viaServeAloneHasNoCliRows() {
        String markdown = new DeployReport().markdown("bench/deploy.sh --via serve", List.of(outcome(false, true)));

        assertThat(markdown).contains("each repetition: the plain deploy v1 → v2, the backup alone, the deploy v2 → v1"
                        + " through `rewind serve`.")
                .contains("**overhead, through `rewind serve`**")
                .doesNotContain("`rewind deploy`", "rewind backup");
    }

    private static DeployRun.Outcome outcome(boolean cli, boolean serve) {
        return new DeployRun.Outcome("dump", List.of(
                repetition(cli ? 7000 : 0, serve ? 4500 : 0), repetition(cli ? 6500 : 0, serve ? 5500 : 0)),
                Map.of("uploads", "500 files"), MACHINE);
    }

    /** A repetition with the CLI's deploy and the server's taking these milliseconds (0: not measured). */
    private static DeployRun.Repetition repetition(long cliMillis, long serveMillis) {
        Measured plain = new Measured(Duration.ofSeconds(1), Duration.ofSeconds(1), null,
                List.of(new Measured.Part(PlainDeploy.STOP, Duration.ofMillis(300))), null, null);
        return new DeployRun.Repetition(plain, Duration.ofSeconds(3),
                cliMillis == 0 ? null : deploy(cliMillis, "process start → first step (JVM, config, state store, plan,"
                        + " lock)"),
                cliMillis == 0 ? null : Duration.ofMillis(3200),
                serveMillis == 0 ? null : deploy(serveMillis, "POST → first step (HTTP, token, plan, lock)"));
    }

    private static RewindDeploy.Result deploy(long millis, String before) {
        Duration whole = Duration.ofMillis(millis);
        return new RewindDeploy.Result(new Measured(whole, Duration.ofMillis(900), null, List.of(
                new Measured.Part(before, Duration.ofMillis(100)),
                new Measured.Part(RewindDeploy.BACKUP_STEP, Duration.ofMillis(3300)),
                new Measured.Part(PlainDeploy.STOP, Duration.ofMillis(320))), whole.minusMillis(500), null),
                Duration.ofMillis(3100));
    }
}
