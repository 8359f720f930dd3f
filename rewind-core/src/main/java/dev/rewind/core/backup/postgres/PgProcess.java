package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a PostgreSQL client tool with stdout and stderr in files, so no pipe can block, and a time limit. */
final class PgProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PgProcess.class);
    private static final long TICK_MILLIS = 200;
    private static final int TAIL_LINES = 15;

    /** What a finished tool left: its exit code, stdout and the last lines of stderr. */
    record Outcome(int exitCode, String stdout, String stderrTail) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private PgProcess() {}

    /** Runs {@code command} to completion, calling {@code tick} every 200 ms while it runs. */
    static Outcome run(List<String> command, Map<String, String> env, Duration timeout, Runnable tick) {
        LOG.debug("running {}", command);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("rewind-pg", ".out");
            err = Files.createTempFile("rewind-pg", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            int exit = await(builder.start(), command, timeout, tick);
            return new Outcome(exit, Files.readString(out, StandardCharsets.UTF_8),
                    tail(Files.readString(err, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "Cannot run " + command.getFirst() + ": " + e.getMessage()
                    + Sql.FIX + "check that it exists and is executable", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static int await(Process process, List<String> command, Duration timeout, Runnable tick) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
                tick.run();
                if (System.nanoTime() > deadline) {
                    kill(process);
                    throw new RewindException(ErrorCode.FAILED, command.getFirst() + " did not finish within "
                            + timeout + " and was stopped" + Sql.FIX + "give it more time, or use more jobs");
                }
            }
            tick.run();
            return process.exitValue();
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "Interrupted while running " + command.getFirst()
                    + "; it was stopped.", e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete temporary file {}", file, e);
        }
    }
}
