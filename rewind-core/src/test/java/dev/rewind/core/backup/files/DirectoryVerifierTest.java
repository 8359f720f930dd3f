package dev.rewind.core.backup.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import dev.rewind.core.backup.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryVerifierTest {

    @TempDir
    Path tmp;

    Path backup;
    List<FileEntry> manifest;

    @BeforeEach
    void takeBackup() throws IOException {
        Path live = tmp.resolve("uploads");
        Trees.populate(live, 100, 3);
        backup = tmp.resolve("backups/set1/uploads");
        manifest = DirectorySnapshot.take(live, backup, List.of(), null, Progress.NONE);
    }

    @Test
    void anUntouchedBackupIsOk() {
        VerifyResult result = DirectoryVerifier.verify(backup, manifest);

        assertThat(result.ok()).isTrue();
        assertThat(result.summary()).isEqualTo("ok");
    }

    @Test
    void namesEveryMissingAlteredAndUnexpectedFile() throws IOException {
        Trees.flipFirstByte(backup.resolve("a4/b2/f24.txt"));
        Trees.flipFirstByte(backup.resolve("media/video.bin"));
        Files.writeString(backup.resolve("a0/b0/f0.txt"), "x", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.delete(backup.resolve("a9/b9/f99.txt"));
        Files.writeString(backup.resolve("empty/intruder.txt"), "not in the manifest");

        VerifyResult result = DirectoryVerifier.verify(backup, manifest);

        assertThat(result.ok()).isFalse();
        assertThat(result.missing()).containsExactly("a9/b9/f99.txt");
        assertThat(result.altered()).containsExactly("a0/b0/f0.txt", "a4/b2/f24.txt", "media/video.bin");
        assertThat(result.unexpected()).containsExactly("empty/intruder.txt");
        assertThat(result.summary()).isEqualTo("1 missing (a9/b9/f99.txt), "
                + "3 altered (a0/b0/f0.txt, a4/b2/f24.txt, media/video.bin), 1 unexpected (empty/intruder.txt)");
    }

    @Test
    void namesAMissingBackupDirectory() throws IOException {
        OwnTree.delete(backup);

        assertThatThrownBy(() -> DirectoryVerifier.verify(backup, manifest))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining(backup.toString())
                .hasMessageContaining("fix:");
    }
}
