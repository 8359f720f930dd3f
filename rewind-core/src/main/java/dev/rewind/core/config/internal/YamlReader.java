package dev.rewind.core.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rewind.core.config.Location;
import dev.rewind.core.config.internal.YamlNode.Scalar.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads YAML text into a {@link YamlNode} tree with locations; syntax errors and duplicate keys become problems. */
public final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private final String file;
    private final Problems problems;

    public YamlReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or empty when the text is not readable YAML (a problem was recorded). */
    public Optional<YamlNode> read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Location(file, 1, 1), "the file is empty", "run `rewind init` for a commented template");
                return Optional.empty();
            }
            YamlNode root = node(parser);
            if (parser.nextToken() != null) {
                problems.add(location(parser.currentTokenLocation()), "more than one YAML document in the file",
                        "keep one document: remove the `---` separator and what follows it");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            syntaxError(e);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SnakeYAML's message names a context ("while parsing a flow sequence") and the problem, each followed by
     * {@code in 'reader', line N, column M}; the last mark is where the problem is.
     */
    private void syntaxError(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        List<String> said = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList();
        Location at = location(e.getLocation());
        Matcher mark = MARK.matcher(message);
        while (mark.find()) {
            at = new Location(file, Integer.parseInt(mark.group(1)), Integer.parseInt(mark.group(2)));
        }
        String what = said.isEmpty() ? message : said.get(said.size() - 1)
                + (said.size() > 1 ? " (" + said.get(0) + ")" : "");
        problems.add(at, "not valid YAML: " + what, "fix the YAML syntax here (indentation, a missing colon, quote or bracket)");
    }

    private YamlNode node(JsonParser parser) throws IOException {
        Location at = location(parser.currentTokenLocation());
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, at);
            case START_ARRAY -> sequence(parser, at);
            case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), Kind.STRING, at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), Kind.NUMBER, at);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), Kind.BOOLEAN, at);
            case VALUE_NULL -> new YamlNode.Scalar("", Kind.NULL, at);
            default -> new YamlNode.Scalar(parser.getText(), Kind.STRING, at);
        };
    }

    private YamlNode mapping(JsonParser parser, Location at) throws IOException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = location(parser.currentTokenLocation());
            parser.nextToken();
            YamlNode value = node(parser);
            if (!seen.add(key)) {
                problems.add(keyAt, "duplicate key '" + key + "'", "each name may appear once here; rename or merge the two");
                continue;
            }
            entries.add(new YamlNode.Entry(key, keyAt, value));
        }
        return new YamlNode.Mapping(List.copyOf(entries), at);
    }

    private YamlNode sequence(JsonParser parser, Location at) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser));
        }
        return new YamlNode.Sequence(List.copyOf(items), at);
    }

    private Location location(JsonLocation at) {
        if (at == null) {
            return new Location(file, 1, 1);
        }
        return new Location(file, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
    }
}
