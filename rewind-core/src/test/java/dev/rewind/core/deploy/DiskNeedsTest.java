package dev.rewind.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The free-space arithmetic of a deploy's disk checks, against a free space the test sets (no small disk needed). */
class DiskNeedsTest {

    private static final long MiB = 1 << 20;

    @TempDir
    Path temp;

    @Test
    void aNeedLargerThanTheFreeSpaceIsAProblemNamingWhatNeedsIt() {
        DiskNeeds needs = new DiskNeeds(store -> 10 * MiB).add(temp.resolve("a/b/not-yet"), 8 * MiB, "the backup")
                .add(temp.resolve("c"), 4 * MiB, "the standby of uploads");

        assertThat(needs.problems()).singleElement().asString().startsWith("only 10 MiB free at " + temp)
                .endsWith("; 12 MiB are needed there (the backup, the standby of uploads)");
    }

    @Test
    void aStandbysOldCopyOnTheSameDiskIsCountedAsFreeBecauseItIsRemovedFirst() throws Exception {
        Path old = Files.createDirectories(temp.resolve("uploads.rewind-standby-bak-old"));
        DiskNeeds needs = new DiskNeeds(store -> 5 * MiB).add(temp.resolve("uploads.rewind-standby-bak-new"), 8 * MiB,
                "the standby of uploads").freed(old, 8 * MiB);

        assertThat(needs.problems()).isEmpty();
    }

    @Test
    void whatIsFreedDoesNotMakeRoomBeyondIt() throws Exception {
        Path old = Files.createDirectories(temp.resolve("uploads.rewind-standby-bak-old"));
        DiskNeeds needs = new DiskNeeds(store -> 5 * MiB).add(temp.resolve("uploads.rewind-standby-bak-new"), 8 * MiB,
                "the standby of uploads").freed(old, 2 * MiB);

        assertThat(needs.problems()).containsExactly("only 5 MiB free at " + temp + " (and 2 MiB that are removed"
                + " first); 8 MiB are needed there (the standby of uploads)");
    }
}
