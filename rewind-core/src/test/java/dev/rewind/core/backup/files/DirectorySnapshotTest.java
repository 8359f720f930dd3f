package dev.rewind.core.backup.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import dev.rewind.core.backup.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySnapshotTest {

    @TempDir
    Path tmp;

    Path live;

    @BeforeEach
    void createLive() throws IOException {
        live = tmp.resolve("uploads");
        Trees.populate(live, Trees.SMALL_FILES, 42);
    }

    @Test
    void manifestListsEveryFileWithIndependentHashesAndCopiesAreIndependent() throws IOException {
        Path backup = tmp.resolve("backups/set1/uploads");

        List<FileEntry> manifest = DirectorySnapshot.take(live, backup, List.of(), null, Progress.NONE);

        Map<String, String> expected = Trees.hashes(live);
        assertThat(manifest).hasSize(Trees.SMALL_FILES + Trees.LARGE_FILES.size());
        assertThat(manifest).extracting(FileEntry::path).isSorted().containsExactlyElementsOf(expected.keySet());
        for (FileEntry entry : manifest) {
            Path file = live.resolve(entry.path());
            assertThat(entry.sha256()).as(entry.path()).isEqualTo(expected.get(entry.path()));
            assertThat(entry.size()).as(entry.path()).isEqualTo(Files.size(file));
            assertThat(entry.modified()).as(entry.path()).isEqualTo(Files.getLastModifiedTime(file).toInstant());
            assertThat(Trees.links(backup.resolve(entry.path()))).as(entry.path()).isEqualTo(1);
        }
        assertThat(Trees.hashes(backup)).isEqualTo(expected);

        Trees.overwriteInPlace(live.resolve("a3/b4/f43.txt"), "changed by the application".getBytes(StandardCharsets.UTF_8));
        Trees.overwriteInPlace(live.resolve("media/video.bin"), new byte[4096]);
        assertThat(Trees.hashes(backup)).isEqualTo(expected);
    }

    @Test
    void keepsEmptyDirectoriesAndCopiesSymbolicLinksAsLinks() throws IOException {
        Path backup = tmp.resolve("backups/set1/uploads");

        List<FileEntry> manifest = DirectorySnapshot.take(live, backup, List.of(), null, Progress.NONE);

        assertThat(backup.resolve("empty/inner")).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(backup.resolve("latest.txt"))).isTrue();
        assertThat(Files.readSymbolicLink(backup.resolve("latest.txt"))).isEqualTo(Path.of("a0/b0/f0.txt"));
        assertThat(manifest).extracting(FileEntry::path).doesNotContain("latest.txt", "empty", "empty/inner");
    }

    @Test
    void secondSnapshotLinksUnchangedFilesToTheFirstSetAndCopiesChangedOnes() throws IOException {
        Path first = tmp.resolve("backups/set1/uploads");
        List<FileEntry> before = DirectorySnapshot.take(live, first, List.of(), null, Progress.NONE);
        Set<String> changed = changeSomeFiles();
        String sneaky = "a5/b6/f765.txt";
        rewriteKeepingSizeAndTime(live.resolve(sneaky));
        changed.add(sneaky);

        Path second = tmp.resolve("backups/set2/uploads");
        List<FileEntry> after = DirectorySnapshot.take(live, second, before, first, Progress.NONE);

        Map<String, String> expected = Trees.hashes(live);
        assertThat(after).extracting(FileEntry::path).containsExactlyElementsOf(expected.keySet());
        Map<String, FileEntry> previous = before.stream().collect(Collectors.toMap(FileEntry::path, Function.identity()));
        Set<Object> liveKeys = new HashSet<>();
        for (String path : expected.keySet()) {
            liveKeys.add(Trees.fileKey(live.resolve(path)));
        }
        for (FileEntry entry : after) {
            Path copy = second.resolve(entry.path());
            assertThat(entry.sha256()).as(entry.path()).isEqualTo(expected.get(entry.path()));
            assertThat(Trees.sha256(copy)).as(entry.path()).isEqualTo(entry.sha256());
            assertThat(liveKeys).as("never a link to a live file: " + entry.path()).doesNotContain(Trees.fileKey(copy));
            if (changed.contains(entry.path()) || !previous.containsKey(entry.path())) {
                assertThat(Trees.links(copy)).as("copied: " + entry.path()).isEqualTo(1);
            } else {
                assertThat(Trees.fileKey(copy)).as("linked: " + entry.path())
                        .isEqualTo(Trees.fileKey(first.resolve(entry.path())));
                assertThat(Trees.links(copy)).as("linked: " + entry.path()).isEqualTo(2);
            }
        }
        assertThat(after.stream().filter(e -> e.path().equals(sneaky)).findFirst().orElseThrow().sha256())
                .isNotEqualTo(previous.get(sneaky).sha256());
        assertThat(Trees.hashes(first)).isEqualTo(before.stream()
                .collect(Collectors.toMap(FileEntry::path, FileEntry::sha256)));
    }

    @Test
    void fallsBackToCopiesWhenThePreviousSetIsOnAnotherFileSystem() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeThat(Files.isDirectory(shm) && Files.isWritable(shm)).isTrue();
        assumeThat(Files.getFileStore(shm)).isNotEqualTo(Files.getFileStore(tmp));
        Path elsewhere = Files.createTempDirectory(shm, "rewind-test-");
        try {
            Path first = elsewhere.resolve("uploads");
            List<FileEntry> before = DirectorySnapshot.take(live, first, List.of(), null, Progress.NONE);

            Path second = tmp.resolve("backups/set2/uploads");
            List<FileEntry> after = DirectorySnapshot.take(live, second, before, first, Progress.NONE);

            assertThat(after).isEqualTo(before);
            assertThat(Trees.hashes(second)).isEqualTo(Trees.hashes(live));
            for (FileEntry entry : after) {
                assertThat(Trees.links(second.resolve(entry.path()))).as(entry.path()).isEqualTo(1);
            }
        } finally {
            OwnTree.delete(elsewhere);
        }
    }

    @Test
    void reportsEveryByteOnce() throws IOException {
        CountingProgress progress = new CountingProgress();

        DirectorySnapshot.take(live, tmp.resolve("backups/set1/uploads"), List.of(), null, progress);

        long total = Trees.hashes(live).keySet().stream().mapToLong(p -> size(live.resolve(p))).sum();
        assertThat(progress.total.get()).isEqualTo(total);
        assertThat(progress.done.get()).isEqualTo(total);
    }

    @Test
    void refusesATargetThatExistsAndLeavesItAlone() throws IOException {
        Path target = tmp.resolve("backups/set1/uploads");
        Trees.write(target.resolve("precious.txt"), "keep me".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> DirectorySnapshot.take(live, target, List.of(), null, Progress.NONE))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("refusing to snapshot into " + target)
                .hasMessageContaining("fix: use a new backup id");
        assertThat(Files.readString(target.resolve("precious.txt"))).isEqualTo("keep me");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.toList()).hasSize(1);
        }
    }

    @Test
    void namesAMissingLiveDirectory() {
        Path missing = tmp.resolve("no-such-uploads");

        assertThatThrownBy(() -> DirectorySnapshot.take(missing, tmp.resolve("b"), List.of(), null, Progress.NONE))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining(missing + " does not exist")
                .hasMessageContaining("fix:");
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    @Test
    void refusesABackupInsideTheLiveDirectory() {
        Path inside = live.resolve(".backups/set1");

        assertThatThrownBy(() -> DirectorySnapshot.take(live, inside, List.of(), null, Progress.NONE))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("overlaps the live directory")
                .hasMessageContaining("fix:");
        assertThat(inside).doesNotExist();
    }

    /** Appends to ten files, adds five, deletes three; returns the paths whose content changed or appeared. */
    private Set<String> changeSomeFiles() throws IOException {
        Set<String> changed = new HashSet<>();
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            appended.add("a" + i + "/b" + i + "/f" + (i * 100 + i * 10 + i) + ".txt");
        }
        for (String path : appended) {
            Files.writeString(live.resolve(path), "more", StandardOpenOption.APPEND);
            changed.add(path);
        }
        for (int i = 0; i < 5; i++) {
            String path = "new/n" + i + ".txt";
            Trees.write(live.resolve(path), ("new " + i).getBytes(StandardCharsets.UTF_8));
            changed.add(path);
        }
        for (String path : List.of("a1/b0/f1.txt", "a2/b0/f2.txt", "big.bin")) {
            Files.delete(live.resolve(path));
        }
        return changed;
    }

    /** Same size, same modification time, different bytes: only the hash can tell. */
    private static void rewriteKeepingSizeAndTime(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        byte[] content = Trees.bytes(new Random(7), (int) Files.size(file));
        Trees.overwriteInPlace(file, content);
        Files.setLastModifiedTime(file, modified);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A progress that counts, from any thread. */
    static final class CountingProgress implements Progress {
        final AtomicLong total = new AtomicLong();
        final AtomicLong done = new AtomicLong();

        @Override
        public void start(String task, long totalBytes) {
            total.set(totalBytes);
            done.set(0);
        }

        @Override
        public void advance(long bytes) {
            done.addAndGet(bytes);
        }
    }
}
