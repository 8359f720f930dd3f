package dev.rewind.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a bash command line (a pipeline, as an operator types it) with {@code pipefail}, timed. */
final class Shell {

    private static final int TAIL_LINES = 20;

    private final Path scratch;
    private final Map<String, String> environment;

    /** {@code scratch} keeps each command's stderr; {@code environment} is added to the child's (PGHOST…). */
    Shell(Path scratch, Map<String, String> environment) {
        this.scratch = scratch;
        this.environment = Map.copyOf(environment);
    }

    /** A shell like this one whose children also get {@code more} in their environment. */
    Shell with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new Shell(scratch, merged);
    }

    /** {@code path} as one single-quoted shell word. */
    static String quote(Object path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    /** Runs {@code command}; fails with the end of its stderr unless it exits 0. */
    Duration run(String command) {
        return Timed.run(() -> execute(command)).duration();
    }

    /** Runs {@code command} and returns its stdout, trimmed. */
    String output(String command) {
        return execute(command).strip();
    }

    private String execute(String command) {
        try {
            Path out = Files.createTempFile(scratch, "shell", ".out");
            Path err = Files.createTempFile(scratch, "shell", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", "set -euo pipefail\n" + command))
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                builder.environment().putAll(environment);
                int exit = await(builder.start());
                if (exit != 0) {
                    throw new IllegalStateException("`" + command + "` exited " + exit + ":\n" + tail(err));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run `" + command + "`", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running `" + command + "`", e);
        }
    }

    private static int await(Process process) throws InterruptedException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
