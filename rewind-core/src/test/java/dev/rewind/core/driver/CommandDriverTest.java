package dev.rewind.core.driver;

import static dev.rewind.core.driver.DriverFixtures.alive;
import static dev.rewind.core.driver.DriverFixtures.component;
import static dev.rewind.core.driver.DriverFixtures.context;
import static dev.rewind.core.driver.DriverFixtures.read;
import static dev.rewind.core.driver.DriverFixtures.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.core.config.Driver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandDriverTest {

    @TempDir
    Path project;

    private ComponentDriver driver;

    @BeforeEach
    void recorder() {
        script(project.resolve("record.sh"), "for arg in \"$@\"; do printf '[%s]' \"$arg\" >> calls.txt; done\n"
                + "echo >> calls.txt\necho recorded $1");
    }

    @Test
    void runsEachCommandWithItsPlaceholdersFilledIn() {
        use(c -> c.stop("./record.sh stop {version}")
                .activate("./record.sh activate {version} {previous_version} {component} {env}")
                .start("./record.sh start {version}"));

        DriverAction stopped = driver.stop();
        DriverAction activated = driver.activate("v2", "v1");
        driver.start();

        assertThat(read(project.resolve("calls.txt"))).isEqualTo("""
                [stop][]
                [activate][v2][v1][backend][staging]
                [start][v2]
                """);
        assertThat(stopped.summary()).startsWith("ran the stop command (");
        CommandOutput output = activated.commands().getFirst();
        assertThat(output.command()).isEqualTo("./record.sh activate 'v2' 'v1' 'backend' 'staging'");
        assertThat(output.exitCode()).isZero();
        assertThat(output.output()).isEqualTo("recorded activate\n");
    }

    @Test
    void substitutedValuesStayOneWordWhateverTheyContain() {
        use(c -> c.activate("./record.sh {version} {previous_version}"));

        driver.activate("it's v2; rm -rf /", null);

        assertThat(read(project.resolve("calls.txt"))).isEqualTo("[it's v2; rm -rf /][]\n");
    }

    @Test
    void missingOptionalCommandsDoNothing() {
        use(c -> c.activate("./record.sh activate"));

        assertThat(driver.stop().summary()).isEqualTo("no stop command; nothing to do");
        assertThat(driver.start().summary()).isEqualTo("no start command; nothing to do");
        assertThat(driver.activeVersion()).isEmpty();
        assertThat(driver.checkRelease("v1")).isEmpty();
        assertThat(driver.pids()).isEmpty();
        assertThat(driver.logFile()).isEmpty();
    }

    @Test
    void theActiveVersionIsTheLastLineTheStatusCommandPrints() {
        use(c -> c.activate("true").status("echo checking >&2; echo v7; echo"));

        assertThat(driver.activeVersion()).contains("v7");
    }

    @Test
    void theComponentsEnvironmentReachesItsCommands() {
        use(c -> c.activate("true").status("echo $RELEASE_CHANNEL").env(Map.of("RELEASE_CHANNEL", "stable")));

        assertThat(driver.activeVersion()).contains("stable");
    }

    @Test
    void aFailingCommandNamesItsExitCodeAndOutput() {
        use(c -> c.activate("echo migrating; echo 'schema v9 not found' >&2; exit 3"));

        assertThatThrownBy(() -> driver.activate("v1", null))
                .isInstanceOf(RewindException.class)
                .hasMessage("backend: `echo migrating; echo 'schema v9 not found' >&2; exit 3` failed with exit code 3 in "
                        + project + "\n    last output:\n      migrating\n      schema v9 not found"
                        + "\n    fix: run it by hand in " + project + " to see why, and correct `activate` in rewind.yaml");
    }

    @Test
    void aCommandThatOutlivesTheTimeoutIsKilledWithItsChildren() {
        use(c -> c.activate("sleep 30 & echo $! > child.pid; echo waiting; wait").timeout(Duration.ofMillis(500)));

        long before = System.nanoTime();
        assertThatThrownBy(() -> driver.activate("v1", null))
                .isInstanceOf(RewindException.class)
                .hasMessageStartingWith("backend: `sleep 30 & echo $! > child.pid; echo waiting; wait` did not finish "
                        + "within 500ms and was killed with its child processes\n    last output:\n      waiting")
                .hasMessageEndingWith("fix: make it finish sooner, or raise the component's `timeout` (now 500ms) in "
                        + "rewind.yaml");

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        long child = Long.parseLong(read(project.resolve("child.pid")).strip());
        DriverFixtures.await("the child to be killed", () -> !alive(child));
    }

    private void use(UnaryOperator<DriverFixtures.Settings> settings) {
        driver = Drivers.of(context(project, component(Driver.COMMAND, settings)));
    }
}
