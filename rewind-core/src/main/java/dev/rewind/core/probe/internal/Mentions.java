package dev.rewind.core.probe.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The values a body assertion looks at, to show them when it fails: every {@code json.a.b}, {@code json.items[0]}
 * or {@code json["some-key"]} path in its source, and {@code status} or {@code text} when it uses them.
 */
final class Mentions {

    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w.])json((?:\\.[A-Za-z_]\\w*+(?!\\s*\\()|\\[\\s*(?:\\d+|\"[^\"]*\"|'[^']*')\\s*])+)");
    private static final Pattern SEGMENT = Pattern.compile(
            "\\.([A-Za-z_]\\w*)|\\[\\s*(\\d+)\\s*]|\\[\\s*\"([^\"]*)\"\\s*]|\\[\\s*'([^']*)'\\s*]");
    private static final Pattern JSON = Pattern.compile("(?<![\\w.])json(?!\\w)");
    private static final Pattern STATUS = Pattern.compile("(?<![\\w.])status(?!\\w)");
    private static final Pattern TEXT = Pattern.compile("(?<![\\w.])text(?!\\w)");
    private static final int MAX_PATHS = 5;
    private static final int VALUE_EXCERPT = 100;
    private static final int MAX_KEYS = 10;

    private final List<String> paths;
    private final boolean json;
    private final boolean status;
    private final boolean text;

    Mentions(String source) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PATH.matcher(source);
        while (m.find() && found.size() < MAX_PATHS) {
            found.add(m.group().replaceAll("\\s+", ""));
        }
        this.paths = List.copyOf(found);
        this.json = JSON.matcher(source).find();
        this.status = STATUS.matcher(source).find();
        this.text = TEXT.matcher(source).find();
    }

    List<String> paths() {
        return paths;
    }

    boolean json() {
        return json;
    }

    /** "json.status = \"unhealthy\", status = 200"; empty when the assertion names nothing to show. */
    String describe(JsonNode body, String bodyText, int httpStatus) {
        List<String> values = new ArrayList<>();
        if (body != null) {
            paths.forEach(path -> values.add(value(path, body)));
        }
        if (status) {
            values.add("status = " + httpStatus);
        }
        if (text) {
            values.add("text = \"" + Texts.excerpt(bodyText, VALUE_EXCERPT) + "\"");
        }
        return String.join(", ", values);
    }

    /** {@code json.a.b = 3}, or where the path stops: {@code json.a.b is missing (json.a has keys: c, d)}. */
    static String value(String path, JsonNode root) {
        JsonNode node = root;
        StringBuilder at = new StringBuilder("json");
        Matcher m = SEGMENT.matcher(path.substring("json".length()));
        while (m.find()) {
            String key = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(4);
            JsonNode next;
            if (key != null) {
                if (!node.isObject()) {
                    return path + " is missing (" + at + " is " + show(node) + ", not an object)";
                }
                next = node.get(key);
                if (next == null) {
                    return path + " is missing (" + at + keys(node) + ")";
                }
            } else {
                int index = Integer.parseInt(m.group(2));
                if (!node.isArray()) {
                    return path + " is missing (" + at + " is " + show(node) + ", not a list)";
                }
                if (index >= node.size()) {
                    return path + " is missing (" + at + " has " + node.size() + " elements)";
                }
                next = node.get(index);
            }
            node = next;
            at.append(m.group());
        }
        return path + " = " + show(node);
    }

    private static String keys(JsonNode object) {
        if (object.isEmpty()) {
            return " is an empty object";
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String shown = names.stream().limit(MAX_KEYS).collect(Collectors.joining(", "));
        return " has keys: " + shown + (names.size() > MAX_KEYS ? ", … (" + names.size() + " in all)" : "");
    }

    private static String show(JsonNode node) {
        return Texts.excerpt(node.toString(), VALUE_EXCERPT);
    }
}
