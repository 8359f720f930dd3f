package dev.rewind.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reference scenario's table: both ways, their ratio, the floor, and what the bad release's writes became. */
class ReferenceReportTest {

    private static final Machine MACHINE = new Machine("2026-11-21 12:00 UTC", 2, "23.5 GiB", "ext4", "Linux",
            "OpenJDK 25", "PostgreSQL 15.19", "pg_dump 15.18", 2, "0.5 0.4 0.3");

    /** Two bad releases each way: a median of two is the lower one. */
    @Test
    void setsRewindBesideTheRunbookWithTheRatioAndTheFloor() {
        String markdown = new ReferenceReport().markdown("bench/run.sh --size 50m --files 500", List.of(outcome()));

        assertThat(markdown).startsWith("#### `bench/run.sh --size 50m --files 500`\n")
                .contains("| | Rewind | runbook way | ratio | floor |")
                .contains("process start → exit | 2.0 s | 1.0 s | 2.00× | 100 ms (`cp -a` of")
                .contains("3 consecutive failed checks, 10.0 s apart) | 6.0 s (6.0 s – 10.0 s) | 22.0 s (22.0 s – 26.0 s)"
                        + " | 0.27× |")
                .contains("| whole rollback: decision → verified | 3.0 s (3.0 s – 3.0 s) | 1.5 s (1.5 s – 1.5 s) | 2.00× |"
                        + " 200 ms (`cp -a` of those copies")
                .contains("| 10 of 10 rows, 10 of 10 files (in `shop__rewind_r1`, `shop__rewind_r2`, `uploads.rewind-r1`,"
                        + " `uploads.rewind-r2`) | 0 of 30 rows, 0 of 30 files | | |")
                .contains("| Rewind | prepare | 900 ms (900 ms – 1.1 s) |")
                .contains("| runbook | Step 4: Restoring database from backup | 800 ms (800 ms – 800 ms) |");
    }

    @Test
    void namesEveryRuleThatDecided() {
        String markdown = new ReferenceReport().markdown("bench/run.sh", List.of(outcome()));

        assertThat(markdown).contains("(Rewind: `rewind watch`, rule `database-unhealthy` or rule"
                + " `health-checks-failing`; runbook: `monitor.sh`, 3 consecutive failed checks, 10.0 s apart)");
    }

    private static ReferenceRun.Outcome outcome() {
        ReferenceRun.Backups backups = new ReferenceRun.Backups(
                new RewindBackup.Result("bak-1", Duration.ofMillis(700), Duration.ofSeconds(2), 1_000_000),
                Duration.ofSeconds(1), new Floor(Duration.ofMillis(100), Duration.ofMillis(200), 2_000_000));
        List<Recovery> rewind = List.of(
                rewind(6, "database-unhealthy", 900, new Preserved(4, 4, 4, Set.of("shop__rewind_r1",
                        "uploads.rewind-r1"))),
                rewind(10, "health-checks-failing", 1100, new Preserved(6, 6, 6, Set.of("shop__rewind_r2",
                        "uploads.rewind-r2"))));
        List<Recovery> runbook = List.of(runbook(22, 10), runbook(26, 20));
        return new ReferenceRun.Outcome("dump", backups, rewind, runbook, Map.of("uploads", "500 files"), MACHINE);
    }

    private static Recovery rewind(int detection, String rule, int prepareMillis, Preserved preserved) {
        return new Recovery(Duration.ofSeconds(detection), Duration.ofSeconds(3), Duration.ofSeconds(1),
                Duration.ofSeconds(detection + 3), "rule `" + rule + "`", preserved,
                List.of(new Measured.Part("prepare", Duration.ofMillis(prepareMillis))));
    }

    private static Recovery runbook(int detection, int written) {
        return new Recovery(Duration.ofSeconds(detection), Duration.ofMillis(1500), Duration.ofMillis(1400),
                Duration.ofSeconds(detection + 2), "3 consecutive failed checks, 10.0 s apart",
                new Preserved(written, 0, 0, Set.of()),
                List.of(new Measured.Part("Step 4: Restoring database from backup", Duration.ofMillis(800))));
    }
}
