package dev.rewind.core.driver;

import static dev.rewind.core.driver.DriverFixtures.component;
import static dev.rewind.core.driver.DriverFixtures.context;
import static dev.rewind.core.driver.DriverFixtures.read;
import static dev.rewind.core.driver.DriverFixtures.script;
import static dev.rewind.core.driver.DriverFixtures.withPathFirst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.config.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdDriverTest {

    @TempDir
    Path project;

    @Test
    void stopSwitchStart() throws IOException {
        Path calls = project.resolve("systemctl-calls.txt");
        script(project.resolve("bin/systemctl"), "echo \"$*\" >> " + calls);
        Path root = project.resolve("srv/shop");
        Files.createDirectories(root.resolve("releases/v1"));
        Files.createDirectories(root.resolve("releases/v2"));
        ComponentDriver driver = Drivers.of(context(project,
                component(Driver.SYSTEMD, c -> c.root(root).unit("shop.service")),
                withPathFirst(project.resolve("bin"))));
        driver.activate("v2", null);

        DriverAction stopped = driver.stop();
        DriverAction activated = driver.activate("v1", "v2");
        DriverAction started = driver.start();

        assertThat(read(calls)).isEqualTo("stop shop.service\nstart shop.service\n");
        assertThat(stopped.summary()).startsWith("systemctl stop shop.service (");
        assertThat(activated.summary()).isEqualTo(root.resolve("current") + " -> releases/v1 (was releases/v2)");
        assertThat(started.commands()).extracting(CommandOutput::command).containsExactly("systemctl start shop.service");
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("releases/v1"));
        assertThat(driver.activeVersion()).contains("v1");
        assertThat(driver.checkRelease("v3")).contains("release directory " + root.resolve("releases/v3") + " is missing");
        assertThat(driver.pids()).isEmpty();
    }
}
