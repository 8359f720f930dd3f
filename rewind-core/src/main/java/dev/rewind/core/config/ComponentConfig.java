package dev.rewind.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One deployable unit and how its driver handles it. Which keys a driver needs is checked at load.
 *
 * @param driver        {@code process}, {@code releases}, {@code git}, {@code command}, {@code compose} or {@code systemd}
 * @param root          the component's directory: {@code releases/<version>/} and {@code current} for {@code releases},
 *                      the checkout for {@code git}, the working directory for {@code process}
 * @param start         command that starts the component
 * @param stop          command that stops it (default for {@code process}: SIGTERM, then SIGKILL after {@code grace})
 * @param activate      command that switches to a version ({@code command} driver)
 * @param status        command that prints the running version ({@code command} driver)
 * @param build         command run after a {@code git} checkout
 * @param env           extra environment variables for the component's commands
 * @param dependsOn     components that must start before this one
 * @param timeout       limit for each of the component's commands
 * @param startTimeout  how long probes may take to become healthy after start
 * @param grace         how long a stop waits after SIGTERM before SIGKILL
 * @param composeFile   the {@code docker compose} file ({@code compose} driver)
 * @param service       the compose service ({@code compose} driver)
 * @param image         the image name without tag ({@code compose} driver)
 * @param unit          the systemd unit ({@code systemd} driver)
 * @param probes        health checks of this component
 */
public record ComponentConfig(
        @Required Driver driver,
        Path root,
        String start,
        String stop,
        String activate,
        String status,
        String build,
        Map<String, String> env,
        List<String> dependsOn,
        Duration timeout,
        Duration startTimeout,
        Duration grace,
        Path composeFile,
        String service,
        String image,
        String unit,
        List<ProbeConfig> probes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    public ComponentConfig {
        env = env == null ? Map.of() : env;
        dependsOn = dependsOn == null ? List.of() : dependsOn;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
        grace = grace == null ? DEFAULT_GRACE : grace;
        probes = probes == null ? List.of() : probes;
    }
}
