package dev.rewind.cli;

import static dev.rewind.cli.RollbackEndToEndTest.assertRolledBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight disk checks with a standby, on a small real file system (a tmpfs; skipped where mounting one is not
 * allowed): a rollback that renames its standby in needs no room for a staging copy, and a deploy without room for
 * its standby's copy skips the standby and goes on.
 */
@ExtendWith(PostgresExtension.class)
class StandbyDiskTest {

    private static final int MiB = 1 << 20;

    @TempDir
    Path temp;

    private Path dir;
    private final CliRunner cli = new CliRunner();

    @BeforeEach
    void mountSmallDisk() throws Exception {
        dir = Files.createDirectories(temp.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", dir.toString()) == 0,
                "mounting a tmpfs is not allowed here");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", dir.toString());
    }

    @Test
    void aRollbackPreflightDemandedRoomForAStagingCopyItsStandbyMadeNeedless(PostgresDatabase db) throws Exception {
        Files.createDirectories(dir.resolve("uploads"));
        Files.write(dir.resolve("uploads/big.bin"), new byte[8 * MiB]);
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2()) {
            RollbackStandbyTest.prepareStandby(app);
            fillLeaving(4 * MiB); // less than the 8 MiB a staging copy of uploads would need

            ProcessResult result = cli.run("rollback", "production", "--yes", "--json", "-c", app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            String run = Json.mapper().readTree(result.stdout()).get("run_id").asText();
            assertRolledBack(app, run);
            JsonNode prepared = RollbackStandbyTest.prepareOutput(app, run).get("datastores");
            assertThat(prepared).allSatisfy(d -> assertThat(d.get("standby").get("used").asBoolean()).isTrue());
        }
    }

    @Test
    void aDeployFailedItsPreflightForWantOfRoomForItsOptionalStandby(PostgresDatabase db) throws Exception {
        Files.createDirectories(dir.resolve("uploads"));
        Files.write(dir.resolve("uploads/small.bin"), random(MiB));
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump", "production",
                RollbackScenario.VERIFY + "    min_free_disk: 1MB\n").release("v3", "v3")) {
            assertThat(cli.run("deploy", "production", "v1", "--watch", "0s", "-c", app.config.toString()).exitCode())
                    .isZero();
            Files.write(dir.resolve("uploads/big.bin"), random(8 * MiB));
            // preflight needs twice the last backup (~2 MiB): it fits; the new backup (~9 MiB) leaves ~3 MiB, less
            // than the standby's copy of uploads needs
            fillLeaving(12 * MiB);

            ProcessResult watched = cli.run("deploy", "production", "v3", "--watch", "2s", "--json", "-c",
                    app.config.toString());

            assertThat(watched.exitCode()).as(watched.toString()).isZero();
            JsonNode deploy = Json.mapper().readTree(watched.stdout());
            assertThat(deploy.get("status").asText()).isEqualTo("live");
            assertThat(deploy.get("standby").get("failure").asText())
                    .startsWith("not prepared: no room for its copy (only ")
                    .contains(" MiB are needed there (the standby of uploads)")
                    .endsWith("`rewind rollback production` restores from the set");
            try (var siblings = Files.list(dir)) {
                assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".rewind-standby-"));
            }
        }
    }

    private static byte[] random(int bytes) {
        byte[] data = new byte[bytes];
        new java.util.Random(7).nextBytes(data);
        return data;
    }

    /** Fills the small disk until {@code bytes} are left free. */
    private void fillLeaving(long bytes) throws IOException {
        long fill = Files.getFileStore(dir).getUsableSpace() - bytes;
        try (RandomAccessFile filler = new RandomAccessFile(temp.resolve("disk/filler").toFile(), "rw")) {
            byte[] chunk = new byte[MiB];
            for (long written = 0; written < fill; written += chunk.length) {
                filler.write(chunk, 0, (int) Math.min(chunk.length, fill - written));
            }
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
