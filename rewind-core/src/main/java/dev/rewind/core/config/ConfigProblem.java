package dev.rewind.core.config;

/**
 * One thing wrong with a config file: where, what, and how to fix it.
 *
 * @param location where the problem is
 * @param message  what is wrong, naming the bad key or value
 * @param fix      what to change; may be empty when the message says it all
 */
public record ConfigProblem(Location location, String message, String fix) {

    @Override
    public String toString() {
        return location + ": " + message + (fix.isEmpty() ? "" : "\n    fix: " + fix);
    }
}
