package dev.rewind.core.driver;

/**
 * One external command a driver ran.
 *
 * @param command        the command line as run (placeholders filled in)
 * @param exitCode       its exit code
 * @param output         the last lines of its stdout and stderr together (at most 4 KiB)
 * @param durationMillis how long it took
 */
public record CommandOutput(String command, int exitCode, String output, long durationMillis) {}
