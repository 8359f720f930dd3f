package dev.rewind.core.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How one component's versions are stopped, activated, started and told apart. Made by {@link Drivers#of}.
 * Every action is idempotent, so a rollback interrupted at any point can simply run it again: stopping a stopped
 * component, activating the active version or starting a running one changes nothing. A failure is a
 * {@link dev.rewind.core.RewindException} whose message names the command, its exit code and its last output lines.
 */
public interface ComponentDriver {

    /** The component's name in rewind.yaml. */
    String component();

    /**
     * What is wrong with the artifact of {@code version} (missing release directory, unknown commit), or empty when
     * it can be activated. Changes nothing; a rollback's preflight calls it before stopping anything.
     */
    Optional<String> checkRelease(String version);

    /** Stops the component if it runs: gracefully, then forcibly after the component's {@code grace}. */
    DriverAction stop();

    /**
     * Makes {@code version} the one {@link #start} runs.
     *
     * @param previousVersion the version active before, for {@code {previous_version}} in commands; may be null
     */
    DriverAction activate(String version, String previousVersion);

    /** Starts the active version unless it already runs. Returns without waiting for health. */
    DriverAction start();

    /** The active version (the {@code current} link, the checkout's tag or commit, the status command's answer). */
    Optional<String> activeVersion();

    /** The processes Rewind started for this component that are still alive; empty for drivers it does not supervise. */
    default List<Long> pids() {
        return List.of();
    }

    /** The log file of the running version, when Rewind started the process and writes its output. */
    default Optional<Path> logFile() {
        return Optional.empty();
    }
}
