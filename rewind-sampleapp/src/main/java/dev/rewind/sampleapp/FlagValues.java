package dev.rewind.sampleapp;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Converts one flag's text to its value, or throws a {@link UsageException} naming the flag and its form. */
final class FlagValues {

    private static final Pattern FIRST_INTEGER = Pattern.compile("\\d+");

    private FlagValues() {}

    static int major(String version) {
        Matcher m = FIRST_INTEGER.matcher(version);
        if (!m.find()) {
            throw bad("--version", version);
        }
        try {
            return Integer.parseInt(m.group());
        } catch (NumberFormatException e) {
            throw new UsageException("--version has a major number too large: \"" + version + "\"", e);
        }
    }

    static String host(String value) {
        if (value.isBlank()) {
            throw bad("--host", value);
        }
        return value;
    }

    static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            throw new UsageException(message("--port", value), e);
        }
        throw bad("--port", value);
    }

    static String jdbcUrl(String value) {
        if (!value.startsWith("jdbc:postgresql:")) {
            throw bad("--db", value);
        }
        return value;
    }

    static double failRate(String value) {
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            throw new UsageException(message("--fail-rate", value), e);
        }
        throw bad("--fail-rate", value);
    }

    static Duration duration(String flag, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(message(flag, value), e);
        }
    }

    private static UsageException bad(String flag, String value) {
        return new UsageException(message(flag, value));
    }

    private static String message(String flag, String value) {
        return flag + " expects " + OptionsParser.VALUE_FLAGS.get(flag) + ", got \"" + value + "\"";
    }
}
