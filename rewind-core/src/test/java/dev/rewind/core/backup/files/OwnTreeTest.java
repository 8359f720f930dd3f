package dev.rewind.core.backup.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnTreeTest {

    @TempDir
    Path tmp;

    @Test
    void removesLinksWithoutFollowingThemOrTouchingWhatTheyShare() throws IOException {
        Path otherSet = Files.createDirectories(tmp.resolve("set1"));
        Path shared = Files.writeString(otherSet.resolve("shared.txt"), "shared");
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "outside");
        Path doomed = Files.createDirectories(tmp.resolve("set2/deep/er"));
        Files.createLink(doomed.resolve("shared.txt"), shared);
        Files.createSymbolicLink(doomed.resolve("outside-link"), outside);
        Files.createSymbolicLink(doomed.resolve("dir-link"), otherSet);

        OwnTree.delete(tmp.resolve("set2"));

        assertThat(tmp.resolve("set2")).doesNotExist();
        assertThat(shared).hasContent("shared");
        assertThat(Trees.links(shared)).isEqualTo(1);
        assertThat(outside).hasContent("outside");
        assertThat(otherSet).isDirectoryContaining(p -> p.getFileName().toString().equals("shared.txt"));
    }

    @Test
    void aMissingTreeIsNothingToDo() throws IOException {
        OwnTree.delete(tmp.resolve("never-made"));

        assertThat(tmp).isEmptyDirectory();
    }
}
