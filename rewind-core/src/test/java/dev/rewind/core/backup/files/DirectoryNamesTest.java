package dev.rewind.core.backup.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DirectoryNamesTest {

    @Test
    void namesSiblingsOfTheLiveDirectory() {
        Path live = Path.of("/srv/shop/uploads");

        assertThat(DirectoryNames.kept(live, "run-20261121-093015-k3f9"))
                .isEqualTo(Path.of("/srv/shop/uploads.rewind-run-20261121-093015-k3f9"));
        assertThat(DirectoryNames.staging(live, "run-1")).isEqualTo(Path.of("/srv/shop/uploads.rewind-staging-run-1"));
        assertThat(DirectoryNames.staging(Path.of("/srv/shop/uploads/"), "r"))
                .isEqualTo(Path.of("/srv/shop/uploads.rewind-staging-r"));
        assertThat(DirectoryNames.standby(live, "bak-20261121-093015-k3f9"))
                .isEqualTo(Path.of("/srv/shop/uploads.rewind-standby-bak-20261121-093015-k3f9"));
        assertThat(DirectoryNames.isStandby(DirectoryNames.standby(live, "bak-1"))).isTrue();
        assertThat(DirectoryNames.isStandby(DirectoryNames.kept(live, "run-1"))).isFalse();
    }

    @Test
    void refusesIdsThatCouldEscapeOrCollide() {
        for (String id : new String[] {"", "../x", "a/b", "staging-1", "standby-1", " x"}) {
            assertThatThrownBy(() -> DirectoryNames.kept(Path.of("/srv/uploads"), id))
                    .as(id)
                    .isInstanceOf(RewindException.class)
                    .hasMessageContaining("fix:");
        }
    }

    @Test
    void refusesTheRoot() {
        assertThatThrownBy(() -> DirectoryNames.staging(Path.of("/"), "run-1"))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("no parent");
    }
}
