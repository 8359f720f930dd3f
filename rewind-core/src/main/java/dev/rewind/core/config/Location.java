package dev.rewind.core.config;

/** A place in a config file, 1-based, printed as {@code file:line:col}. */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
