package dev.rewind.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes a report comparable with a golden file: the values that change from run to run (times, ids, durations,
 * sizes, ports, pids, paths, database names, log lines) become placeholders. Literal replacements go first, in order.
 */
final class GoldenText {

    private static final Map<Pattern, String> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put(Pattern.compile("(?s)```text\\n.*?```"), "```text\n<log lines>\n```");
        PATTERNS.put(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?( UTC|Z)"), "<time>");
        PATTERNS.put(Pattern.compile("(run|rel|bak|dec|evt)[-_]\\d{8}[-_]\\d{6}[-_][0-9a-z]{4}"), "<$1>");
        PATTERNS.put(Pattern.compile("(?<![\\w.<])(\\d+(d|h|ms|m|s))+(?![\\w>])"), "<duration>");
        PATTERNS.put(Pattern.compile("\\d+ (bytes|ms)\\b"), "<n> $1");
    }

    private final Map<String, String> literals = new LinkedHashMap<>();

    /** Replaces {@code value} by {@code placeholder} before the patterns apply. */
    GoldenText literal(String value, String placeholder) {
        literals.put(value, placeholder);
        return this;
    }

    String normalise(String text) {
        String out = text;
        for (Map.Entry<String, String> literal : literals.entrySet()) {
            out = out.replace(literal.getKey(), literal.getValue());
        }
        for (Map.Entry<Pattern, String> pattern : PATTERNS.entrySet()) {
            out = pattern.getKey().matcher(out).replaceAll(pattern.getValue());
        }
        return out;
    }
}
