package dev.rewind.core.driver;

import java.util.Map;

/**
 * Fills {@code {version}}, {@code {previous_version}}, {@code {component}} and {@code {env}} into a command, each
 * value single-quoted for {@code sh} (an unknown value is {@code ''}).
 */
final class Placeholders {

    private Placeholders() {}

    static String fill(String command, DriverContext context, String version, String previousVersion) {
        Map<String, String> values = Map.of(
                "{version}", nullToEmpty(version),
                "{previous_version}", nullToEmpty(previousVersion),
                "{component}", context.component(),
                "{env}", context.environment());
        String filled = command;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), ShellQuote.quote(value.getValue()));
        }
        return filled;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
