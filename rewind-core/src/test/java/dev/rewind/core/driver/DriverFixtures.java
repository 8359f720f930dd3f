package dev.rewind.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.config.ComponentConfig;
import dev.rewind.core.config.Driver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Components, contexts, scripts and waits for the driver tests. */
final class DriverFixtures {

    static final String ENV = "staging";
    static final String COMPONENT = "backend";

    private DriverFixtures() {}

    /** A component config with only a driver, changed by {@code settings}. */
    static ComponentConfig component(Driver driver, UnaryOperator<Settings> settings) {
        return settings.apply(new Settings(driver)).build();
    }

    static DriverContext context(Path projectDir, ComponentConfig config) {
        return context(projectDir, config, System.getenv());
    }

    static DriverContext context(Path projectDir, ComponentConfig config, Map<String, String> processEnv) {
        return new DriverContext(ENV, COMPONENT, config, projectDir, processEnv);
    }

    /** Rewind's environment with {@code bin} first on the PATH. */
    static Map<String, String> withPathFirst(Path bin) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        return env;
    }

    /** An executable {@code sh} script. */
    static Path script(Path file, String body) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to 5 seconds for {@code condition}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5s for " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Whether the process runs (a zombie does not). */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(Liveness::running).orElse(false);
    }

    /** The process group of {@code pid}, as {@code ps} reports it. */
    static long processGroup(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "pgid=", "-p", Long.toString(pid)).start();
            String out = new String(ps.getInputStream().readAllBytes()).strip();
            ps.waitFor();
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Stops what the driver started and kills anything left of it, so no test leaves a process behind. */
    static void cleanUp(DriverContext context, ComponentDriver driver) {
        List<ProcessHandle> left = RunningProcess.read(context).flatMap(RunningProcess::handle).stream()
                .flatMap(leader -> Stream.concat(Stream.of(leader), leader.descendants()))
                .toList();
        try {
            driver.stop();
        } finally {
            left.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The settings of a test component; everything not set is null or the default. */
    static final class Settings {
        private final Driver driver;
        private Path root;
        private String start;
        private String stop;
        private String activate;
        private String status;
        private String build;
        private Map<String, String> env = Map.of();
        private Duration timeout = Duration.ofSeconds(10);
        private Duration grace = Duration.ofSeconds(1);
        private Path composeFile;
        private String service;
        private String image;
        private String unit;

        private Settings(Driver driver) {
            this.driver = driver;
        }

        Settings root(Path value) { root = value; return this; }
        Settings start(String value) { start = value; return this; }
        Settings stop(String value) { stop = value; return this; }
        Settings activate(String value) { activate = value; return this; }
        Settings status(String value) { status = value; return this; }
        Settings build(String value) { build = value; return this; }
        Settings env(Map<String, String> value) { env = value; return this; }
        Settings timeout(Duration value) { timeout = value; return this; }
        Settings grace(Duration value) { grace = value; return this; }
        Settings composeFile(Path value) { composeFile = value; return this; }
        Settings service(String value) { service = value; return this; }
        Settings image(String value) { image = value; return this; }
        Settings unit(String value) { unit = value; return this; }

        private ComponentConfig build() {
            return new ComponentConfig(driver, root, start, stop, activate, status, build, env, List.of(), timeout,
                    null, grace, composeFile, service, image, unit, List.of());
        }
    }
}
