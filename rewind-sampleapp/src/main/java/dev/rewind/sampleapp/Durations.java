package dev.rewind.sampleapp;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes durations in the command line's form: {@code 800ms}, {@code 5s}, {@code 1.5s}, {@code 2m}. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

    private Durations() {}

    /** The duration {@code text} names, or an {@link IllegalArgumentException} saying what form it should have. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like 800ms, 5s or 2m, got \"" + text + "\"");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal millisPerUnit = switch (m.group(2)) {
            case "ms" -> BigDecimal.ONE;
            case "s" -> BigDecimal.valueOf(1_000);
            default -> BigDecimal.valueOf(60_000);
        };
        BigDecimal nanos = amount.multiply(millisPerUnit).multiply(BigDecimal.valueOf(1_000_000));
        return Duration.ofNanos(nanos.longValue());
    }

    /** The shortest form that reads back to the same duration: {@code 800ms}, {@code 5s}, {@code 2m}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0 && millis > 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
