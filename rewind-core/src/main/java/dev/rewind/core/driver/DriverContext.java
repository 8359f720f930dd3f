package dev.rewind.core.driver;

import dev.rewind.core.config.ComponentConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a driver needs to act on one component.
 *
 * @param environment    the environment's name
 * @param component      the component's name
 * @param config         the component as configured
 * @param projectDir     the directory of rewind.yaml: relative paths resolve against it, and Rewind's own files live
 *                       in its {@code .rewind/} ({@code run/} for pid files, {@code logs/} for process output)
 * @param processEnv     the environment of Rewind's process ({@code PATH} finds git, docker, systemctl); the
 *                       component's {@code env} is added on top for its commands
 */
public record DriverContext(String environment, String component, ComponentConfig config, Path projectDir,
                            Map<String, String> processEnv) {

    public DriverContext {
        processEnv = Map.copyOf(processEnv);
    }

    /** {@code .rewind/} in the project directory. */
    public Path rewindDir() {
        return projectDir.resolve(".rewind");
    }
}
