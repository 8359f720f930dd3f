package dev.rewind.core.driver;

/** Single-quoting for {@code sh}: the value stays one word, whatever it contains. */
final class ShellQuote {

    private ShellQuote() {}

    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
