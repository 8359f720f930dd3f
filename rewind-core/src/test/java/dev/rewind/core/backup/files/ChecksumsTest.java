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
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

    @TempDir
    Path tmp;

    @Test
    void hashesKnownVectorsInLowerCaseHex() throws IOException {
        Path abc = Files.writeString(tmp.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        Path empty = Files.createFile(tmp.resolve("empty"));

        assertThat(Checksums.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Checksums.sha256(empty)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hashesFilesLargerThanTheBuffer() throws IOException {
        Path file = tmp.resolve("large");
        Trees.write(file, Trees.bytes(new Random(1), 2 * Checksums.BUFFER_BYTES + 13));

        assertThat(Checksums.sha256(file)).isEqualTo(Trees.sha256(file));
    }

    @Test
    void copyHashesWhatItWritesAndKeepsTimeAndPermissions() throws IOException {
        Path source = tmp.resolve("source.bin");
        Trees.write(source, Trees.bytes(new Random(2), Checksums.BUFFER_BYTES + 5));
        Instant modified = Instant.parse("2024-03-01T10:15:30.123456Z");
        Files.setLastModifiedTime(source, FileTime.from(modified));
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r-----"));

        FileEntry entry = Checksums.copy(source, tmp.resolve("copy.bin"), "dir/source.bin", Progress.NONE);

        Path copy = tmp.resolve("copy.bin");
        assertThat(entry).isEqualTo(new FileEntry("dir/source.bin", Files.size(source), modified, Trees.sha256(source)));
        assertThat(Files.mismatch(source, copy)).isEqualTo(-1);
        assertThat(Files.getLastModifiedTime(copy).toInstant()).isEqualTo(modified);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-r-----");
        assertThat(Trees.fileKey(copy)).isNotEqualTo(Trees.fileKey(source));
    }

    @Test
    void copyNeverOverwrites() throws IOException {
        Path source = Files.writeString(tmp.resolve("new"), "new");
        Path target = Files.writeString(tmp.resolve("old"), "old");

        assertThatThrownBy(() -> Checksums.copy(source, target, "old", Progress.NONE))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining(target.toString())
                .hasMessageContaining("already exists")
                .hasMessageContaining("fix:");
        assertThat(Files.readString(target)).isEqualTo("old");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = tmp.resolve("nope.txt");

        assertThatThrownBy(() -> Checksums.sha256(missing))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("no such file: " + missing)
                .hasMessageContaining("fix:");
    }
}
