package dev.rewind.bench;

/** What the reports share to write Markdown. */
final class Markdown {

    private Markdown() {}

    /** A run's heading: the command that reproduces it, then the machine it ran on. */
    static String heading(String command, Machine machine) {
        return "#### `" + command + "`\n\n" + machine.summary() + "\n\n";
    }

    /** {@code text} safe inside a table cell. */
    static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
