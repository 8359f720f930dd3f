package dev.rewind.core.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts and stops a component's own process, for the {@code process}, {@code releases} and {@code git} drivers.
 * When the component has a {@code stop} command, {@code start} and {@code stop} are the team's scripts, run to
 * completion; otherwise {@code start} is the long-running process, which Rewind detaches and stops by signal.
 */
final class ProcessLifecycle {

    private final DriverContext context;
    private final CommandRunner runner;

    ProcessLifecycle(DriverContext context, CommandRunner runner) {
        this.context = context;
        this.runner = runner;
    }

    /** Starts {@code version} in {@code workDir} unless the process Rewind started is still alive. */
    DriverAction start(Path workDir, String version) {
        if (usesCommands()) {
            CommandOutput output = runner.shell(context.config().start(), workDir, fixIn(workDir, "start"));
            return new DriverAction("ran the start command", List.of(output));
        }
        Optional<RunningProcess> alive = RunningProcess.read(context).filter(RunningProcess::isAlive);
        if (alive.isPresent()) {
            return DriverAction.of("already running pid " + alive.get().pid() + " (" + alive.get().version() + ")");
        }
        RunningProcess started = DetachedStart.start(context, runner, workDir, version);
        return DriverAction.of("started pid " + started.pid() + " (" + version + ", log " + started.logFile() + ")");
    }

    /** Stops the component: its stop command if it has one, then whatever Rewind started that still runs. */
    DriverAction stop(Path workDir) {
        if (!usesCommands()) {
            return GroupStop.stop(context, runner);
        }
        CommandOutput output = runner.shell(context.config().stop(), workDir, fixIn(workDir, "stop"));
        DriverAction leftover = GroupStop.stop(context, runner);
        List<CommandOutput> commands = new ArrayList<>(List.of(output));
        commands.addAll(leftover.commands());
        String rest = leftover.commands().isEmpty() ? "" : "; " + leftover.summary();
        return new DriverAction("ran the stop command" + rest, commands);
    }

    /** The recorded process and its descendants, while it is alive. */
    List<Long> pids() {
        return RunningProcess.read(context).flatMap(RunningProcess::handle).stream()
                .flatMap(leader -> Stream.concat(Stream.of(leader), leader.descendants()))
                .filter(Liveness::running)
                .map(ProcessHandle::pid)
                .toList();
    }

    /** The log file of the recorded process. */
    Optional<Path> logFile() {
        return RunningProcess.read(context).map(RunningProcess::logFile);
    }

    private boolean usesCommands() {
        return context.config().stop() != null;
    }

    private static String fixIn(Path workDir, String key) {
        return "run it by hand in " + workDir + " to see why, and correct `" + key + "` in rewind.yaml";
    }
}
