package dev.rewind.core.driver;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.Durations;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The messages of driver failures: what failed, the command, its exit code, its last output lines, and the fix. */
final class Failures {

    static final String FIX = "\n    fix: ";
    private static final int LAST_LINES = 10;

    private Failures() {}

    /** A command that exited with a code other than 0. */
    static RewindException commandFailed(String component, CommandOutput output, Path dir, String fix) {
        return new RewindException(ErrorCode.FAILED, component + ": `" + output.command() + "` failed with exit code "
                + output.exitCode() + " in " + dir + lastLines(output.output()) + FIX + fix);
    }

    /** A command killed because it ran longer than the component's {@code timeout}. */
    static RewindException timedOut(String component, String command, Duration timeout, String output) {
        return new RewindException(ErrorCode.FAILED, component + ": `" + command + "` did not finish within "
                + Durations.format(timeout) + " and was killed with its child processes" + lastLines(output)
                + FIX + "make it finish sooner, or raise the component's `timeout` (now " + Durations.format(timeout)
                + ") in rewind.yaml");
    }

    /** A file operation that failed. */
    static RewindException io(String what, IOException e, String fix) {
        return new RewindException(ErrorCode.FAILED, what + ": " + describe(e) + FIX + fix, e);
    }

    /** "\n    last output:\n      …" with the last lines that are not blank, or "(no output)". */
    static String lastLines(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return " (no output)";
        }
        StringBuilder text = new StringBuilder("\n    last output:");
        lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size())
                .forEach(line -> text.append("\n      ").append(line.stripTrailing()));
        return text.toString();
    }

    /** A measured time: {@code 350ms} under a second, else {@code 2.4s}. */
    static String took(long millis) {
        return took(Duration.ofMillis(millis));
    }

    /** A measured time: {@code 350ms} under a second, else {@code 2.4s}. */
    static String took(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? d.toMillis() + "ms"
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String what = switch (fs) {
                case NoSuchFileException ignored -> "no such file";
                case AccessDeniedException ignored -> "permission denied";
                default -> fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
            };
            return what + (fs.getFile() != null ? ": " + fs.getFile() : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
