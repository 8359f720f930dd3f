package dev.rewind.core.driver;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Starts a component's long-running process so that it outlives Rewind: through {@code setsid} in its own session
 * and process group (a Ctrl-C or kill of Rewind does not reach it), stdin from /dev/null, stdout and stderr appended
 * to its log file. A process that exits at once is reported with the last lines of its log.
 */
final class DetachedStart {

    /** How long a new process is watched for an immediate exit (a typo in the command, a missing program). */
    private static final long SETTLE_MILLIS = 100;
    /** Commands {@code exec} cannot prefix: lists, pipes, subshells, leading assignments. */
    private static final Pattern COMPOUND = Pattern.compile("[;&|()`\\n]|^\\s*(exec\\s|[A-Za-z_][A-Za-z0-9_]*=)");
    private static final int LOG_TAIL_BYTES = 4 * 1024;

    private DetachedStart() {}

    static RunningProcess start(DriverContext context, CommandRunner runner, Path workDir, String version) {
        String command = context.config().start();
        Path log = DriverFiles.logFile(context, version);
        try {
            Files.createDirectories(log.getParent());
            long offset = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(Tools.find("setsid", runner.environment()),
                    Tools.find("sh", runner.environment()), "-c", execPrefixed(command))
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(runner.environment());
            Process process = builder.start();
            RunningProcess running = new RunningProcess(process.pid(), process.info().startInstant().orElse(null),
                    version, command, Instant.now(), log, offset);
            running.write(context);
            settle(context, process, running, workDir);
            return running;
        } catch (IOException e) {
            throw Failures.io(context.component() + ": cannot start `" + command + "` in " + workDir, e,
                    "check that the directory exists and that Rewind may write to " + log.getParent());
        }
    }

    /**
     * {@code exec COMMAND} when the command is one simple command, so the recorded pid is the program itself rather
     * than a shell waiting for it; other commands run as they are (stopping signals the whole group either way).
     */
    static String execPrefixed(String command) {
        return COMPOUND.matcher(command).find() ? command : "exec " + command;
    }

    private static void settle(DriverContext context, Process process, RunningProcess running, Path workDir)
            throws IOException {
        try {
            if (!process.waitFor(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        RunningProcess.delete(context);
        throw new RewindException(ErrorCode.FAILED, context.component() + ": `" + running.command()
                + "` exited at once with exit code " + process.exitValue() + " (log " + running.logFile() + ")"
                + Failures.lastLines(logSince(running)) + Failures.FIX
                + "run it by hand in " + workDir + " to see why, and correct `start` in rewind.yaml");
    }

    private static String logSince(RunningProcess running) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(running.logFile().toFile(), "r")) {
            long start = Math.max(running.logOffset(), raf.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
