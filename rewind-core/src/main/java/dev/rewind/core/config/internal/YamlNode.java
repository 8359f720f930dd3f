package dev.rewind.core.config.internal;

import dev.rewind.core.config.Location;
import java.util.List;
import java.util.Optional;

/** A YAML value that remembers where it was written, so every problem can name its {@code file:line:col}. */
public sealed interface YamlNode {

    Location location();

    /** What kind of value this is, for messages: "a mapping", "a list", "a string". */
    String describe();

    /** A mapping, keys in file order. */
    record Mapping(List<Entry> entries, Location location) implements YamlNode {
        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with where the key itself was written. */
    record Entry(String key, Location keyLocation, YamlNode value) {}

    /** A sequence. */
    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar: its text as written, and what YAML made of it. */
    record Scalar(String text, Kind kind, Location location) implements YamlNode {
        public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "the string \"" + text + "\"";
                case NUMBER -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
                case NULL -> "no value";
            };
        }
    }
}
