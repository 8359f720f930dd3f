package dev.rewind.core.driver;

import static dev.rewind.core.driver.DriverFixtures.component;
import static dev.rewind.core.driver.DriverFixtures.context;
import static dev.rewind.core.driver.DriverFixtures.read;
import static dev.rewind.core.driver.DriverFixtures.script;
import static dev.rewind.core.driver.DriverFixtures.withPathFirst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.core.config.ComponentConfig;
import dev.rewind.core.config.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeDriverTest {

    @TempDir
    Path project;

    private Path calls;
    private Path override;
    private Map<String, String> processEnv;

    @BeforeEach
    void fakeDocker() throws IOException {
        calls = project.resolve("docker-calls.txt");
        override = project.resolve(".rewind/compose/staging.override.yaml");
        Path bin = project.resolve("bin");
        script(bin.resolve("docker"), "echo \"$(pwd): $*\" >> " + calls);
        processEnv = withPathFirst(bin);
        Files.writeString(project.resolve("compose.yaml"), "services:\n  api:\n    image: shop/api:dev\n");
    }

    @Test
    void stopActivateStartPinTheImageWithoutABuild() {
        ComponentDriver driver = driver("api", "registry.example/shop/api");

        DriverAction activated = driver.activate("v1", "v2");
        driver.stop();
        driver.start();

        assertThat(activated.summary()).isEqualTo("pinned api to registry.example/shop/api:v1 in " + override);
        assertThat(activated.commands()).isEmpty();
        assertThat(read(override)).isEqualTo("""
                services:
                  api:
                    image: registry.example/shop/api:v1
                """);
        String base = project.resolve("compose.yaml").toString();
        assertThat(read(calls)).isEqualTo(project + ": compose -f " + base + " -f " + override + " stop api\n"
                + project + ": compose -f " + base + " -f " + override + " up -d --no-build api\n");
        assertThat(driver.activeVersion()).contains("v1");
    }

    @Test
    void componentsOfOneEnvironmentShareTheOverrideFile() {
        ComponentDriver api = driver("api", "shop/api");
        ComponentDriver worker = driver("worker", "shop/worker");

        api.activate("v1", null);
        worker.activate("v7", null);
        DriverAction again = api.activate("v1", null);
        api.activate("v2", "v1");

        assertThat(again.summary()).isEqualTo("api is already pinned to shop/api:v1");
        assertThat(read(override)).isEqualTo("""
                services:
                  api:
                    image: shop/api:v2
                  worker:
                    image: shop/worker:v7
                """);
        assertThat(api.activeVersion()).contains("v2");
        assertThat(worker.activeVersion()).contains("v7");
    }

    @Test
    void beforeAnyActivateTheCommandsUseTheBaseFileAlone() throws IOException {
        Path dir = project.resolve("deploy");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("docker-compose.yml"), "services: {}\n");
        ComponentDriver driver = Drivers.of(context(project, compose("api", "shop/api", Path.of("deploy/docker-compose.yml")),
                processEnv));

        driver.stop();

        assertThat(read(calls)).isEqualTo(dir + ": compose -f " + dir.resolve("docker-compose.yml") + " stop api\n");
        assertThat(driver.activeVersion()).isEmpty();
    }

    @Test
    void aMissingDockerIsNamed() {
        Map<String, String> env = new HashMap<>(processEnv);
        env.put("PATH", "/nowhere");
        ComponentDriver driver = Drivers.of(context(project, compose("api", "shop/api", null), env));

        assertThatThrownBy(driver::stop)
                .isInstanceOf(RewindException.class)
                .hasMessage("docker not found on PATH (/nowhere)"
                        + "\n    fix: install docker, or add its directory to the PATH Rewind runs with");
    }

    @Test
    void aMissingComposeFileIsNamed() throws IOException {
        Files.delete(project.resolve("compose.yaml"));
        ComponentDriver driver = driver("api", "shop/api");

        assertThatThrownBy(driver::start)
                .isInstanceOf(RewindException.class)
                .hasMessage("api: no compose file in " + project
                        + " (looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml)"
                        + "\n    fix: set `compose_file` of the component in rewind.yaml");
    }

    @Test
    void aFailingDockerCommandNamesItsExitCodeAndOutput() {
        script(project.resolve("bin/docker"), "echo 'no such service: api' >&2; exit 1");
        ComponentDriver driver = driver("api", "shop/api");

        assertThatThrownBy(driver::stop)
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("failed with exit code 1")
                .hasMessageContaining("last output:\n      no such service: api");
    }

    private ComponentDriver driver(String service, String image) {
        return Drivers.of(new DriverContext("staging", service, compose(service, image, null), project, processEnv));
    }

    private static ComponentConfig compose(String service, String image, Path file) {
        return component(Driver.COMPOSE, c -> c.service(service).image(image).composeFile(file));
    }
}
