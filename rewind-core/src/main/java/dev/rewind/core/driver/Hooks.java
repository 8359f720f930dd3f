package dev.rewind.core.driver;

import dev.rewind.core.config.ComponentConfig;
import dev.rewind.core.config.Driver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a deploy hook ({@code hooks.pre_deploy}, {@code hooks.migrate}) the way a component's commands run: {@code sh
 * -c} in the project directory, Rewind's environment, a time limit, the output kept; a non-zero exit fails.
 */
public final class Hooks {

    public static final Duration TIMEOUT = ComponentConfig.DEFAULT_TIMEOUT;

    private Hooks() {}

    public static CommandOutput run(String environment, String hook, String command, Path projectDir,
                                    Map<String, String> processEnv) {
        ComponentConfig config = new ComponentConfig(Driver.COMMAND, null, null, null, command, null, null, Map.of(),
                List.of(), TIMEOUT, null, null, null, null, null, null, List.of());
        DriverContext context = new DriverContext(environment, "hook " + hook, config, projectDir, processEnv);
        return new CommandRunner(context).shell(command, projectDir, "correct `hooks." + hook + "` in rewind.yaml or"
                + " what it runs; the deploy was rolled back (or resume it with --resume once fixed)");
    }
}
