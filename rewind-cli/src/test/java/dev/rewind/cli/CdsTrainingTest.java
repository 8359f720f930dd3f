package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsTrainingTest {

    @TempDir
    Path dir;

    /** A command the training no longer runs as meant (renamed, or failing) would leave its classes out of the archive. */
    @Test
    void everyCommandOfTheTrainingRunsAsMeant() throws Exception {
        assertThat(CdsTraining.run(dir)).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0);
    }
}
