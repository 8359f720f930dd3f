package dev.rewind.bench;

/** What the reports share to write Markdown. */
final class Markdown {

    private Markdown() {}

    /** {@code text} safe inside a table cell. */
    static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
