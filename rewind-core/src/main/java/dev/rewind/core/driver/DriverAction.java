package dev.rewind.core.driver;

import java.util.List;

/**
 * What a driver did, for the run's journal.
 *
 * @param summary  one line for humans, e.g. {@code stopped pid 4242 (SIGTERM, 0.4s)}
 * @param commands every external command it ran, with its output
 */
public record DriverAction(String summary, List<CommandOutput> commands) {

    public DriverAction {
        commands = List.copyOf(commands);
    }

    public static DriverAction of(String summary) {
        return new DriverAction(summary, List.of());
    }
}
