package dev.rewind.core.driver;

import static dev.rewind.core.driver.DriverFixtures.alive;
import static dev.rewind.core.driver.DriverFixtures.await;
import static dev.rewind.core.driver.DriverFixtures.component;
import static dev.rewind.core.driver.DriverFixtures.context;
import static dev.rewind.core.driver.DriverFixtures.processGroup;
import static dev.rewind.core.driver.DriverFixtures.read;
import static dev.rewind.core.driver.DriverFixtures.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.core.config.ComponentConfig;
import dev.rewind.core.config.Driver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessDriverTest {

    @TempDir
    Path project;

    private DriverContext context;
    private ComponentDriver driver;

    @AfterEach
    void stopEverything() {
        if (driver != null) {
            DriverFixtures.cleanUp(context, driver);
        }
    }

    @Test
    void startsADetachedProcessInItsOwnProcessGroupAndLogsItsOutput() {
        script(project.resolve("run.sh"), "echo started in $(pwd)\nexec sleep 300");
        use(c -> c.start("./run.sh"));

        DriverAction started = driver.start();

        RunningProcess running = RunningProcess.read(context).orElseThrow();
        assertThat(started.summary()).startsWith("started pid " + running.pid() + " (unversioned, log ");
        assertThat(alive(running.pid())).isTrue();
        assertThat(processGroup(running.pid())).isEqualTo(running.pid())
                .isNotEqualTo(processGroup(ProcessHandle.current().pid()));
        assertThat(running.logFile()).isEqualTo(project.resolve(".rewind/logs/staging/backend/unversioned.log"));
        assertThat(running.logOffset()).isZero();
        assertThat(running.command()).isEqualTo("./run.sh");
        assertThat(running.processStart()).isNotNull();
        assertThat(driver.logFile()).contains(running.logFile());
        assertThat(driver.pids()).containsExactly(running.pid());
        assertThat(ProcessHandle.of(running.pid()).orElseThrow().info().command().orElseThrow()).endsWith("/sleep");
        await("the output in the log", () -> read(running.logFile()).contains("started in " + project));
        assertThat(project.resolve(".rewind/run/staging/backend.json")).isRegularFile();
    }

    @Test
    void startingARunningProcessAgainChangesNothing() {
        script(project.resolve("run.sh"), "exec sleep 300");
        use(c -> c.start("./run.sh"));
        driver.start();
        long pid = RunningProcess.read(context).orElseThrow().pid();

        DriverAction again = driver.start();

        assertThat(again.summary()).isEqualTo("already running pid " + pid + " (unversioned)");
        assertThat(again.commands()).isEmpty();
        assertThat(RunningProcess.read(context).orElseThrow().pid()).isEqualTo(pid);
    }

    @Test
    void stopEndsTheProcessAndItsChildrenAndRemovesThePidFile() {
        script(project.resolve("run.sh"), "sleep 300 &\necho child $!\nwait");
        use(c -> c.start("./run.sh"));
        driver.start();
        RunningProcess running = RunningProcess.read(context).orElseThrow();
        await("the child's pid in the log", () -> read(running.logFile()).contains("child "));
        long child = Long.parseLong(read(running.logFile()).strip().replace("child ", ""));
        assertThat(driver.pids()).contains(running.pid(), child);

        DriverAction stopped = driver.stop();

        assertThat(stopped.summary()).startsWith("stopped pid " + running.pid() + " (SIGTERM, ");
        assertThat(stopped.commands()).extracting(CommandOutput::command)
                .containsExactly("kill -TERM -- -" + running.pid());
        assertThat(alive(running.pid())).isFalse();
        assertThat(alive(child)).isFalse();
        assertThat(project.resolve(".rewind/run/staging/backend.json")).doesNotExist();
        assertThat(driver.pids()).isEmpty();
    }

    @Test
    void stoppingAStoppedComponentChangesNothing() {
        use(c -> c.start("sleep 300"));

        assertThat(driver.stop().summary()).isEqualTo("not running (no process recorded)");
        driver.start();
        driver.stop();
        assertThat(driver.stop().summary()).isEqualTo("not running (no process recorded)");
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledAfterTheGrace() {
        script(project.resolve("stubborn.sh"), "trap '' TERM\necho ready\nwhile true; do sleep 0.1; done");
        use(c -> c.start("./stubborn.sh").grace(Duration.ofSeconds(1)));
        driver.start();
        RunningProcess running = RunningProcess.read(context).orElseThrow();
        await("the trap", () -> read(running.logFile()).contains("ready"));

        long before = System.nanoTime();
        DriverAction stopped = driver.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(stopped.summary()).startsWith("stopped pid " + running.pid() + " (SIGKILL after the 1s grace, ");
        assertThat(stopped.commands()).extracting(CommandOutput::command)
                .containsExactly("kill -TERM -- -" + running.pid(), "kill -KILL -- -" + running.pid());
        assertThat(alive(running.pid())).isFalse();
    }

    @Test
    void theActiveVersionNamesTheLogAndANewStartAppendsToIt() {
        use(c -> c.start("echo hello from $GREETING && exec sleep 300").env(Map.of("GREETING", "v1")));

        assertThat(driver.activeVersion()).isEmpty();
        assertThat(driver.activate("v1", null).summary()).isEqualTo("recorded v1 as the active version");
        assertThat(driver.activate("v1", null).summary()).isEqualTo("v1 is already the active version");
        assertThat(driver.activeVersion()).contains("v1");
        driver.start();
        Path log = project.resolve(".rewind/logs/staging/backend/v1.log");
        await("the first output", () -> read(log).contains("hello from v1"));
        driver.stop();

        driver.start();

        RunningProcess second = RunningProcess.read(context).orElseThrow();
        assertThat(second.version()).isEqualTo("v1");
        assertThat(second.logFile()).isEqualTo(log);
        assertThat(second.logOffset()).isEqualTo("hello from v1\n".length());
        await("the second output", () -> read(log).equals("hello from v1\nhello from v1\n"));
    }

    @Test
    void aStartThatExitsAtOnceFailsWithItsOutput() {
        use(c -> c.start("echo cannot bind port 3001; exit 3"));

        assertThatThrownBy(driver::start)
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("backend: `echo cannot bind port 3001; exit 3` exited at once with exit code 3")
                .hasMessageContaining("\n    last output:\n      cannot bind port 3001")
                .hasMessageContaining("\n    fix: run it by hand in " + project);
        assertThat(RunningProcess.read(context)).isEmpty();
    }

    @Test
    void withAStopCommandStartAndStopAreTheTeamsScripts() {
        use(c -> c.start("echo up >> state.txt").stop("echo down >> state.txt"));

        DriverAction started = driver.start();
        DriverAction stopped = driver.stop();

        assertThat(started.summary()).isEqualTo("ran the start command");
        assertThat(started.commands()).extracting(CommandOutput::command).containsExactly("echo up >> state.txt");
        assertThat(stopped.summary()).isEqualTo("ran the stop command");
        assertThat(read(project.resolve("state.txt"))).isEqualTo("up\ndown\n");
        assertThat(RunningProcess.read(context)).isEmpty();
    }

    @Test
    void aStopCommandStillEndsAProcessRewindStarted() {
        use(c -> c.start("sleep 300"));
        driver.start();
        long pid = RunningProcess.read(context).orElseThrow().pid();
        use(c -> c.start("sleep 300").stop("true"));

        DriverAction stopped = driver.stop();

        assertThat(stopped.summary()).startsWith("ran the stop command; stopped pid " + pid + " (SIGTERM, ");
        assertThat(alive(pid)).isFalse();
    }

    @Test
    void thePidOfAnExitedProcessIsForgotten() {
        use(c -> c.start("sleep 300"));
        driver.start();
        RunningProcess running = RunningProcess.read(context).orElseThrow();
        ProcessHandle.of(running.pid()).orElseThrow().destroyForcibly();
        await("the process to exit", () -> !alive(running.pid()));

        assertThat(driver.stop().summary()).isEqualTo("not running (pid " + running.pid() + " had exited)");
        assertThat(RunningProcess.read(context)).isEmpty();
    }

    @Test
    void checkReleaseNeedsTheWorkingDirectory() {
        use(c -> c.start("sleep 300").root(Path.of("app")));

        assertThat(driver.checkRelease("v1")).contains("working directory " + project.resolve("app") + " is missing");
    }

    @Test
    void onlyASimpleCommandIsExecutedInPlaceOfTheShell() {
        assertThat(DetachedStart.execPrefixed("java -jar app.jar --port 3001")).isEqualTo("exec java -jar app.jar --port 3001");
        assertThat(DetachedStart.execPrefixed("./run.sh > out.txt")).isEqualTo("exec ./run.sh > out.txt");
        assertThat(DetachedStart.execPrefixed("cd app && ./run.sh")).isEqualTo("cd app && ./run.sh");
        assertThat(DetachedStart.execPrefixed("PORT=3001 ./run.sh")).isEqualTo("PORT=3001 ./run.sh");
        assertThat(DetachedStart.execPrefixed("exec ./run.sh")).isEqualTo("exec ./run.sh");
        assertThat(DetachedStart.execPrefixed("./a.sh | tee log")).isEqualTo("./a.sh | tee log");
    }

    private void use(UnaryOperator<DriverFixtures.Settings> settings) {
        ComponentConfig config = component(Driver.PROCESS, settings);
        context = context(project, config);
        driver = Drivers.of(context);
    }
}
