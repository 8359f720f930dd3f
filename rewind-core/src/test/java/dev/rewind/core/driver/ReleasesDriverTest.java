package dev.rewind.core.driver;

import static dev.rewind.core.driver.DriverFixtures.await;
import static dev.rewind.core.driver.DriverFixtures.component;
import static dev.rewind.core.driver.DriverFixtures.context;
import static dev.rewind.core.driver.DriverFixtures.read;
import static dev.rewind.core.driver.DriverFixtures.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.core.config.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasesDriverTest {

    @TempDir
    Path project;

    private Path root;
    private DriverContext context;
    private ComponentDriver driver;

    @BeforeEach
    void releases() {
        root = project.resolve("srv/backend");
        for (String version : new String[] {"v1", "v2"}) {
            script(root.resolve("releases").resolve(version).resolve("run.sh"),
                    "echo " + version + " running in $(pwd)\nexec sleep 300");
        }
        context = context(project, component(Driver.RELEASES, c -> c.root(Path.of("srv/backend")).start("./run.sh")));
        driver = Drivers.of(context);
    }

    @AfterEach
    void stopEverything() {
        DriverFixtures.cleanUp(context, driver);
    }

    @Test
    void activateSwitchesTheCurrentLinkToARelativeTarget() throws IOException {
        assertThat(driver.activeVersion()).isEmpty();

        DriverAction first = driver.activate("v1", null);
        DriverAction second = driver.activate("v2", "v1");

        assertThat(first.summary()).isEqualTo(root.resolve("current") + " -> releases/v1");
        assertThat(second.summary()).isEqualTo(root.resolve("current") + " -> releases/v2 (was releases/v1)");
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("releases/v2"));
        assertThat(driver.activeVersion()).contains("v2");
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("releases", "current");
        }
    }

    @Test
    void activatingTheActiveReleaseChangesNothing() throws IOException {
        driver.activate("v1", null);

        assertThat(driver.activate("v1", null).summary())
                .isEqualTo(root.resolve("current") + " already points to releases/v1");
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("releases/v1"));
    }

    @Test
    void checkReleaseNamesTheMissingDirectory() {
        assertThat(driver.checkRelease("v1")).isEmpty();
        assertThat(driver.checkRelease("v3")).contains("release directory " + root.resolve("releases/v3") + " is missing");
        assertThat(driver.checkRelease("../v1")).isPresent();
    }

    @Test
    void activatingAMissingReleaseFailsAndKeepsTheLink() throws IOException {
        driver.activate("v1", null);

        assertThatThrownBy(() -> driver.activate("v3", "v1"))
                .isInstanceOf(RewindException.class)
                .hasMessageStartingWith("cannot activate v3: release directory " + root.resolve("releases/v3")
                        + " is missing\n    fix: ");
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("releases/v1"));
    }

    @Test
    void theProcessRunsInTheRealDirectoryOfTheActiveRelease() throws IOException {
        driver.activate("v1", null);
        driver.start();
        RunningProcess v1 = RunningProcess.read(context).orElseThrow();
        Path v1Dir = root.resolve("releases/v1").toRealPath();
        await("v1's output", () -> read(v1.logFile()).contains("v1 running in " + v1Dir));
        assertThat(v1.version()).isEqualTo("v1");
        assertThat(v1.logFile()).isEqualTo(project.resolve(".rewind/logs/staging/backend/v1.log"));

        driver.activate("v2", "v1");
        assertThat(driver.start().summary()).isEqualTo("already running pid " + v1.pid() + " (v1)");
        driver.stop();
        driver.start();

        RunningProcess v2 = RunningProcess.read(context).orElseThrow();
        assertThat(v2.version()).isEqualTo("v2");
        assertThat(driver.logFile()).contains(project.resolve(".rewind/logs/staging/backend/v2.log"));
        Path v2Dir = root.resolve("releases/v2").toRealPath();
        await("v2's output", () -> read(v2.logFile()).contains("v2 running in " + v2Dir));
    }

    @Test
    void startingWithoutAnActiveReleaseSaysWhatToDo() {
        assertThatThrownBy(driver::start)
                .isInstanceOf(RewindException.class)
                .hasMessage("backend: cannot start, " + root.resolve("current") + " does not exist (no release is active)"
                        + "\n    fix: activate a release first: `rewind deploy staging VERSION`");
    }
}
