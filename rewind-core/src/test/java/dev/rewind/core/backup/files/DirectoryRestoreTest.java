package dev.rewind.core.backup.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.backup.files.SwapResult.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRestoreTest {

    @TempDir
    Path tmp;

    Path live;
    Path backup;
    List<FileEntry> manifest;
    Map<String, String> badState;
    Path staging;
    Path kept;

    @BeforeEach
    void backUpThenBreak() throws IOException {
        live = tmp.resolve("srv/uploads");
        Trees.populate(live, 100, 11);
        backup = tmp.resolve("backups/set1/uploads");
        manifest = DirectorySnapshot.take(live, backup, List.of(), null, Progress.NONE);
        Trees.overwriteInPlace(live.resolve("a1/b1/f11.txt"), "written by the bad release".getBytes(StandardCharsets.UTF_8));
        Files.delete(live.resolve("media/archive.bin"));
        Files.writeString(live.resolve("a2/uploaded-after-backup.txt"), "salvage me");
        badState = Trees.hashes(live);
        staging = DirectoryNames.staging(live, "run-1");
        kept = DirectoryNames.kept(live, "run-1");
    }

    @Test
    void stageAndSwapRestoreTheBackupAndKeepTheFailedState() throws IOException {
        DirectoryRestore.stage(backup, manifest, staging);

        assertThat(Trees.hashes(live)).as("nothing live is touched by staging").isEqualTo(badState);
        SwapResult result = DirectoryRestore.swap(live, staging, kept);

        assertThat(result).isEqualTo(new SwapResult(Outcome.SWAPPED, live, kept));
        assertRestored();
        assertThat(staging).doesNotExist();
        assertThat(live.resolve("empty/inner")).isEmptyDirectory();
        assertThat(Files.readSymbolicLink(live.resolve("latest.txt"))).isEqualTo(Path.of("a0/b0/f0.txt"));
    }

    @Test
    void theRestoredFilesAreCopiesNotLinksToTheBackup() throws IOException {
        DirectoryRestore.stage(backup, manifest, staging);
        DirectoryRestore.swap(live, staging, kept);

        for (FileEntry entry : manifest) {
            assertThat(Trees.links(live.resolve(entry.path()))).as(entry.path()).isEqualTo(1);
        }
        Trees.overwriteInPlace(live.resolve("a3/b3/f33.txt"), "the application writes".getBytes(StandardCharsets.UTF_8));
        assertThat(DirectoryVerifier.verify(backup, manifest).ok()).isTrue();
    }

    @Test
    void aSwapStoppedBetweenItsRenamesFinishesWhenRepeated() throws IOException {
        DirectoryRestore.stage(backup, manifest, staging);
        Files.move(live, kept);

        SwapResult result = DirectoryRestore.swap(live, staging, kept);

        assertThat(result.outcome()).isEqualTo(Outcome.RESUMED);
        assertRestored();
        assertThat(DirectoryRestore.swap(live, staging, kept).outcome()).isEqualTo(Outcome.ALREADY_SWAPPED);
    }

    @Test
    void aSecondSwapChangesNothing() throws IOException {
        DirectoryRestore.stage(backup, manifest, staging);
        DirectoryRestore.swap(live, staging, kept);
        Files.writeString(live.resolve("written-after-the-swap.txt"), "new data");

        SwapResult again = DirectoryRestore.swap(live, staging, kept);

        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_SWAPPED);
        assertThat(live.resolve("written-after-the-swap.txt")).hasContent("new data");
        assertThat(Trees.hashes(kept)).isEqualTo(badState);
    }

    @Test
    void aCorruptedBackupIsRefusedBeforeAnythingLiveIsTouched() throws IOException {
        Trees.flipFirstByte(backup.resolve("a6/b6/f66.txt"));
        Files.delete(backup.resolve("big.bin"));

        assertThatThrownBy(() -> DirectoryRestore.stage(backup, manifest, staging))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("refusing to restore the backup " + backup)
                .hasMessageContaining("a6/b6/f66.txt has SHA-256")
                .hasMessageContaining("big.bin is missing from the backup")
                .hasMessageContaining("Nothing live was touched")
                .hasMessageContaining("fix:");
        assertThat(staging).doesNotExist();
        assertThat(kept).doesNotExist();
        assertThat(Trees.hashes(live)).isEqualTo(badState);
        assertThatThrownBy(() -> DirectoryRestore.swap(live, staging, kept))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("stage the backup again");
        assertThat(Trees.hashes(live)).isEqualTo(badState);
    }

    @Test
    void aStagingLeftByAnInterruptedAttemptIsRemovedAndRedone() throws IOException {
        Trees.write(staging.resolve("a1/b1/f11.txt"), "half a copy".getBytes(StandardCharsets.UTF_8));
        Trees.write(staging.resolve("junk/left-over.tmp"), new byte[10]);

        DirectoryRestore.stage(backup, manifest, staging);

        assertThat(DirectoryVerifier.verify(staging, manifest).ok()).isTrue();
        assertThat(staging.resolve("junk")).doesNotExist();
    }

    @Test
    void withNoLiveDirectoryTheStagedCopyIsMovedIntoPlace() throws IOException {
        Path firstLive = tmp.resolve("srv/new-uploads");
        Path firstStaging = DirectoryNames.staging(firstLive, "run-2");
        Path firstKept = DirectoryNames.kept(firstLive, "run-2");
        DirectoryRestore.stage(backup, manifest, firstStaging);

        SwapResult result = DirectoryRestore.swap(firstLive, firstStaging, firstKept);

        assertThat(result.outcome()).isEqualTo(Outcome.PLACED);
        assertThat(DirectoryVerifier.verify(firstLive, manifest).ok()).isTrue();
        assertThat(firstKept).isEmptyDirectory();
        assertThat(DirectoryRestore.swap(firstLive, firstStaging, firstKept).outcome()).isEqualTo(Outcome.ALREADY_SWAPPED);
    }

    @Test
    void aStagingMadeAgainAfterAFinishedSwapNeedsAHuman() throws IOException {
        DirectoryRestore.stage(backup, manifest, staging);
        DirectoryRestore.swap(live, staging, kept);
        DirectoryRestore.stage(backup, manifest, staging);

        assertThatThrownBy(() -> DirectoryRestore.swap(live, staging, kept))
                .isInstanceOf(RewindException.class)
                .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.NEEDS_HUMAN))
                .hasMessageContaining("all exist");
        assertRestored();
    }

    @Test
    void refusesToStageIntoADirectoryNotNamedAsStaging() throws IOException {
        Path precious = tmp.resolve("srv/precious");
        Trees.write(precious.resolve("keep.txt"), "keep".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> DirectoryRestore.stage(backup, manifest, precious))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining(".rewind-staging-")
                .hasMessageContaining("fix:");
        assertThat(precious.resolve("keep.txt")).hasContent("keep");
    }

    @Test
    void refusesStagingOrKeptThatAreNotSiblingsOfLive() {
        Path elsewhere = tmp.resolve("other/uploads.rewind-staging-run-1");

        assertThatThrownBy(() -> DirectoryRestore.swap(live, elsewhere, kept))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("siblings");
        assertThat(live).isDirectory();
    }

    @Test
    void refusesAManifestPathThatLeavesTheDirectory() {
        FileEntry escaping = new FileEntry("../../outside.txt", 1, manifest.get(0).modified(), manifest.get(0).sha256());

        assertThatThrownBy(() -> DirectoryRestore.stage(backup, List.of(escaping), staging))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("bad manifest path '../../outside.txt'")
                .hasMessageContaining("fix:");
        assertThat(staging).doesNotExist();
        assertThat(tmp.resolve("outside.txt")).doesNotExist();
    }

    private void assertRestored() throws IOException {
        assertThat(DirectoryVerifier.verify(live, manifest).ok()).isTrue();
        assertThat(Trees.hashes(live)).isEqualTo(Trees.hashes(backup));
        assertThat(Trees.hashes(kept)).as("the failed state is kept intact").isEqualTo(badState);
    }
}
