package dev.rewind.core.probe.internal;

import dev.rewind.core.config.Durations;
import java.time.Duration;
import java.util.Locale;

/** The short forms failure reasons use: one-line excerpts, last lines of output, durations. */
public final class Texts {

    /** Longest excerpt of a body or output in a reason. */
    public static final int EXCERPT = 200;

    private Texts() {}

    /** The text on one line (runs of whitespace become one space), cut to {@code max} characters with "…". */
    public static String excerpt(String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** The last line of output that is not blank, as an excerpt; empty when there is none. */
    public static String lastLine(String output) {
        String[] lines = output.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return excerpt(lines[i], EXCERPT);
            }
        }
        return "";
    }

    /** A measured time: {@code 350ms} under a second, else {@code 2.4s}. */
    public static String took(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? d.toMillis() + "ms"
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    /** A configured limit, as the config spells it: {@code 5s}, {@code 500ms}, {@code 1m30s}. */
    public static String limit(Duration d) {
        return Durations.format(d);
    }

    /** "timed out after 5s". */
    public static String timedOut(Duration timeout) {
        return "timed out after " + limit(timeout);
    }
}
