package dev.rewind.core.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An amount of bytes written like {@code 5GB}, {@code 512MB}, {@code 1.5T} or {@code 4096} (binary units). */
public record ByteSize(long bytes) {

    public static final String PATTERN = "^[0-9]+(\\.[0-9]+)?\\s*([KMGTkmgt]([iI]?[bB])?|[bB])?$";
    private static final Pattern SYNTAX = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)\\s*(?:([KMGTkmgt])(?:[iI]?[bB])?|[bB])?$");
    private static final Map<String, Long> UNITS = Map.of("", 1L, "K", 1L << 10, "M", 1L << 20, "G", 1L << 30, "T", 1L << 40);

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative");
        }
    }

    public static ByteSize parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 5GB, 512MB or 1.5T");
        }
        double value = Double.parseDouble(m.group(1)) * UNITS.get(m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT));
        return new ByteSize((long) value);
    }

    public static ByteSize gigabytes(long n) {
        return new ByteSize(n << 30);
    }

    @Override
    public String toString() {
        for (String unit : new String[] {"T", "G", "M", "K"}) {
            long size = UNITS.get(unit);
            if (bytes >= size && bytes % size == 0) {
                return bytes / size + unit + "B";
            }
        }
        return bytes + "B";
    }
}
