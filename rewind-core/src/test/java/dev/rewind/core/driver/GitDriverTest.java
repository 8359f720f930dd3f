package dev.rewind.core.driver;

import static dev.rewind.core.driver.DriverFixtures.await;
import static dev.rewind.core.driver.DriverFixtures.component;
import static dev.rewind.core.driver.DriverFixtures.context;
import static dev.rewind.core.driver.DriverFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.core.config.Driver;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitDriverTest {

    @TempDir
    Path project;

    private Path repo;
    private DriverContext context;
    private ComponentDriver driver;

    @BeforeEach
    void repositoryWithTwoTags() throws IOException {
        repo = project.resolve("app");
        Files.createDirectories(repo);
        git("init", "-q");
        Files.writeString(repo.resolve(".gitignore"), "build.out\n");
        Files.writeString(repo.resolve("VERSION"), "1\n");
        git("add", ".");
        git("commit", "-q", "-m", "one");
        git("tag", "v1");
        Files.writeString(repo.resolve("VERSION"), "2\n");
        git("commit", "-q", "-am", "two");
        git("tag", "v2");
        context = context(project, component(Driver.GIT, c -> c.root(Path.of("app"))
                .start("echo serving $(cat VERSION) && exec sleep 300")
                .build("echo built $(cat VERSION) > build.out")));
        driver = Drivers.of(context);
    }

    @AfterEach
    void stopEverything() {
        DriverFixtures.cleanUp(context, driver);
    }

    @Test
    void activateStashesLocalChangesChecksOutAndBuilds() throws IOException {
        String v2 = git("rev-parse", "HEAD");
        Files.writeString(repo.resolve("VERSION"), "hotfix\n");
        Files.writeString(repo.resolve("notes.txt"), "untracked\n");

        DriverAction action = driver.activate("v1", "v2");

        assertThat(git("stash", "list")).contains("rewind: before checkout of v1");
        assertThat(git("rev-parse", "HEAD")).isEqualTo(git("rev-parse", "v1^{commit}"));
        assertThat(read(repo.resolve("VERSION"))).isEqualTo("1\n");
        assertThat(repo.resolve("notes.txt")).doesNotExist();
        assertThat(read(repo.resolve("build.out"))).isEqualTo("built 1\n");
        assertThat(driver.activeVersion()).contains("v1");
        assertThat(action.summary()).startsWith("checked out v1 (")
                .contains(", was " + v2.substring(0, 7) + "); stashed local changes")
                .endsWith("; ran the build command");
        assertThat(action.commands().getFirst().command()).isEqualTo("git rev-parse HEAD");
        assertThat(action.commands().getFirst().output()).contains(v2);
        assertThat(action.commands()).extracting(CommandOutput::command)
                .contains("git checkout --force --detach v1", "echo built $(cat VERSION) > build.out");
    }

    @Test
    void activatingTheCheckedOutVersionChangesNothing() {
        driver.activate("v1", "v2");

        DriverAction again = driver.activate("v1", "v1");

        assertThat(again.summary()).startsWith("v1 is already checked out (");
        assertThat(again.commands()).extracting(CommandOutput::command)
                .doesNotContain("git checkout --force --detach v1");
        assertThat(git("stash", "list")).isEmpty();
    }

    @Test
    void theActiveVersionIsTheCommitWhenNoTagPointsAtIt() throws IOException {
        Files.writeString(repo.resolve("VERSION"), "3\n");
        git("commit", "-q", "-am", "three");

        assertThat(driver.activeVersion()).contains(git("rev-parse", "HEAD"));
    }

    @Test
    void checkReleaseNamesAnUnknownVersion() {
        assertThat(driver.checkRelease("v1")).isEmpty();
        assertThat(driver.checkRelease("nope")).contains("'nope' is not a commit or tag in " + repo);
        assertThatThrownBy(() -> driver.activate("nope", "v2"))
                .isInstanceOf(RewindException.class)
                .hasMessage("backend: cannot check out nope, 'nope' is not a commit or tag in " + repo
                        + "\n    fix: fetch it (`git fetch --tags` in " + repo + ") or choose another version");
    }

    @Test
    void theProcessRunsInTheCheckout() {
        driver.activate("v1", "v2");

        driver.start();

        RunningProcess running = RunningProcess.read(context).orElseThrow();
        assertThat(running.version()).isEqualTo("v1");
        await("the output", () -> read(running.logFile()).contains("serving 1"));
        assertThat(driver.stop().summary()).startsWith("stopped pid " + running.pid());
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com"));
        command.addAll(List.of(args));
        ProcessResult result = ChildProcess.run(command, repo, Map.of(), Duration.ofSeconds(10));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.stdout().strip();
    }
}
