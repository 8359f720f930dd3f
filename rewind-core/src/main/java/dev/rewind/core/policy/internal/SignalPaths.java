package dev.rewind.core.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signal paths a condition mentions ({@code metrics.error_rate}, {@code baseline.p99}) and their values in an
 * input: what a decision shows so a human can see why a rule fired or could not be judged.
 */
public final class SignalPaths {

    private static final Pattern PATH = Pattern.compile(
            "\\b(probes|metrics|baseline|health|reports|process)((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)(\\()?");

    private SignalPaths() {}

    /**
     * Dotted paths in the source, in order of first mention, without duplicates. A call ends a path before its name:
     * {@code health.exists(c, …)} mentions {@code health}, and {@code metrics.error_rate.round()} {@code metrics.error_rate}.
     */
    public static List<String> in(String source) {
        List<String> paths = new ArrayList<>();
        Matcher m = PATH.matcher(source);
        while (m.find()) {
            String path = m.group(1) + m.group(2);
            if (m.group(3) != null && path.contains(".")) {
                path = path.substring(0, path.lastIndexOf('.'));
            }
            if (!paths.contains(path)) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** The value at a dotted path, or empty when any step is missing. */
    public static Optional<Object> lookup(Map<String, Object> variables, String path) {
        Object current = variables;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                return Optional.empty();
            }
            current = map.get(step);
        }
        return Optional.ofNullable(current);
    }

    /** Each mentioned path → its value as text, or {@code no data}. */
    public static Map<String, String> values(String source, Map<String, Object> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String path : in(source)) {
            values.put(path, lookup(variables, path).map(SignalPaths::text).orElse("no data"));
        }
        return values;
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.format(java.util.Locale.ROOT, "%.4g", d);
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        String text = String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
