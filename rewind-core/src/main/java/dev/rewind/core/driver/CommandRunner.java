package dev.rewind.core.driver;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a component's commands to completion: with Rewind's environment plus the component's {@code env}, stdin from
 * /dev/null, stdout and stderr together in a temporary file (no pipe can block), and the component's {@code timeout},
 * after which the command and every process it started are killed.
 */
final class CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    private static final int KEEP_BYTES = 4 * 1024;

    private final DriverContext context;
    private final Map<String, String> environment;

    CommandRunner(DriverContext context) {
        this.context = context;
        Map<String, String> env = new HashMap<>(context.processEnv());
        env.putAll(context.config().env());
        this.environment = Map.copyOf(env);
    }

    /** The environment of the component's processes: Rewind's own plus the component's {@code env}. */
    Map<String, String> environment() {
        return environment;
    }

    /** {@code sh -c command} in {@code dir}; fails unless it exits 0. */
    CommandOutput shell(String command, Path dir, String fix) {
        return require(attempt(List.of(Tools.find("sh", environment), "-c", command), command, dir), dir, fix);
    }

    /** The program {@code tool} with {@code args} in {@code dir}; fails unless it exits 0. */
    CommandOutput tool(Path dir, String fix, String tool, String... args) {
        return require(attemptTool(dir, tool, args), dir, fix);
    }

    /** The program {@code tool} with {@code args} in {@code dir}, whatever its exit code. */
    CommandOutput attemptTool(Path dir, String tool, String... args) {
        List<String> argv = new ArrayList<>(List.of(Tools.find(tool, environment)));
        argv.addAll(List.of(args));
        String shown = tool + (args.length == 0 ? "" : " " + List.of(args).stream()
                .map(arg -> arg.isEmpty() || arg.contains(" ") ? ShellQuote.quote(arg) : arg)
                .collect(Collectors.joining(" ")));
        return attempt(argv, shown, dir);
    }

    /** The last line of the command's output that is not blank, stripped; empty when there is none. */
    static String lastLine(CommandOutput output) {
        List<String> lines = output.output().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    private CommandOutput require(CommandOutput output, Path dir, String fix) {
        if (output.exitCode() != 0) {
            throw Failures.commandFailed(context.component(), output, dir, fix);
        }
        return output;
    }

    private CommandOutput attempt(List<String> argv, String shown, Path dir) {
        LOG.debug("{}: running {} in {}", context.component(), shown, dir);
        Path out = null;
        try {
            out = Files.createTempFile("rewind-command", ".out");
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            int exit = await(process, shown, out);
            return new CommandOutput(shown, exit, tail(out), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw Failures.io(context.component() + ": cannot run `" + shown + "` in " + dir, e,
                    "check that the directory exists and the program is executable");
        } finally {
            deleteQuietly(out);
        }
    }

    private int await(Process process, String shown, Path out) throws IOException {
        try {
            if (!process.waitFor(context.config().timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                killTree(process);
                throw Failures.timedOut(context.component(), shown, context.config().timeout(), tail(out));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, context.component() + ": interrupted while running `" + shown
                    + "`; it was killed" + Failures.FIX + "run the step again (every driver action is idempotent)", e);
        }
    }

    private static void killTree(Process process) {
        List<ProcessHandle> family = process.descendants().toList();
        process.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last 4 KiB of the file, without a first line cut in half. */
    private static String tail(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - KEEP_BYTES);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return start > 0 && newline >= 0 ? text.substring(newline + 1) : text;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.debug("cannot delete temporary file {}: {}", file, e.getMessage());
        }
    }
}
