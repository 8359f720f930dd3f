package dev.rewind.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people type them ({@code 50m}, {@code 1g}, {@code 200k}, binary units) and as a table shows them. */
final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "kmgt";

    private ByteSize() {}

    static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (expected e.g. 50m, 1g, 200k)");
        }
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        int power = unit.isEmpty() ? 0 : UNITS.indexOf(unit) + 1;
        return Math.round(Double.parseDouble(matcher.group(1)) * Math.pow(1024, power));
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int power = Math.min(UNITS.length(), (int) (Math.log(bytes) / Math.log(1024)));
        double value = bytes / Math.pow(1024, power);
        String unit = Character.toUpperCase(UNITS.charAt(power - 1)) + "iB";
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, unit);
    }
}
