package dev.rewind.core.driver;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stops the process Rewind started for a component together with its whole process group: SIGTERM, up to the
 * component's {@code grace} for everything to exit, then SIGKILL. The pid file goes once nothing is left.
 */
final class GroupStop {

    /** How long processes may take to vanish after SIGKILL before the stop fails. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private GroupStop() {}

    static DriverAction stop(DriverContext context, CommandRunner runner) {
        Optional<RunningProcess> recorded = RunningProcess.read(context);
        if (recorded.isEmpty()) {
            return DriverAction.of("not running (no process recorded)");
        }
        RunningProcess running = recorded.get();
        Optional<ProcessHandle> leader = running.handle();
        if (leader.isEmpty()) {
            RunningProcess.delete(context);
            return DriverAction.of("not running (pid " + running.pid() + " had exited)");
        }
        List<ProcessHandle> group = Stream.concat(leader.stream(), leader.get().descendants()).toList();
        Duration grace = context.config().grace();
        long started = System.nanoTime();
        List<CommandOutput> commands = new ArrayList<>();
        commands.add(signal(context, runner, "TERM", running.pid(), group));
        String how = "SIGTERM";
        if (!awaitExit(group, grace)) {
            commands.add(signal(context, runner, "KILL", running.pid(), group));
            how = "SIGKILL after the " + Durations.format(grace) + " grace";
            if (!awaitExit(group, KILL_WAIT)) {
                throw new RewindException(ErrorCode.FAILED, context.component() + ": pid " + running.pid()
                        + " or one of its children still runs " + Durations.format(KILL_WAIT) + " after SIGKILL"
                        + Failures.FIX + "look at `ps -o pid,stat,cmd -g " + running.pid() + "` and end it by hand");
            }
        }
        RunningProcess.delete(context);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new DriverAction("stopped pid " + running.pid() + " (" + how + ", " + Failures.took(took) + ")",
                commands);
    }

    /** {@code kill -SIG -- -PGID}; a failure counts only while some process of the group is still alive. */
    private static CommandOutput signal(DriverContext context, CommandRunner runner, String signal, long pgid,
                                        List<ProcessHandle> group) {
        Path dir = DriverFiles.resolve(context, Path.of(""));
        CommandOutput output = runner.attemptTool(dir, "kill", "-" + signal, "--", "-" + pgid);
        if (output.exitCode() != 0 && group.stream().anyMatch(Liveness::running)) {
            throw Failures.commandFailed(context.component(), output, dir,
                    "run Rewind as the user that started pid " + pgid + " (recorded in "
                            + DriverFiles.pidFile(context) + ")");
        }
        return output;
    }

    private static boolean awaitExit(List<ProcessHandle> group, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (group.stream().anyMatch(Liveness::running)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RewindException(ErrorCode.FAILED, "interrupted while waiting for processes to exit"
                        + Failures.FIX + "run the stop again (it is idempotent)", e);
            }
        }
        return true;
    }
}
