package dev.rewind.core.config.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.core.config.BodyExpression;
import dev.rewind.core.config.ByteSize;
import dev.rewind.core.config.Durations;
import dev.rewind.core.config.Expressions;
import dev.rewind.core.config.HostPort;
import dev.rewind.core.config.HttpRequestLine;
import dev.rewind.core.config.HttpUrl;
import dev.rewind.core.config.PolicyExpression;
import dev.rewind.core.config.PostgresUrl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The scalar types config records may use: how each is parsed from YAML text and described in the JSON Schema. */
public final class ScalarTypes {

    /**
     * @param parse  text → value; throws IllegalArgumentException saying what is expected
     * @param schema the JSON Schema of the value
     */
    public record ScalarType(Function<String, Object> parse, ObjectNode schema) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final Map<Class<?>, ScalarType> TYPES = Map.ofEntries(
            Map.entry(String.class, new ScalarType(text -> text, string("text"))),
            Map.entry(Integer.class, new ScalarType(ScalarTypes::integer, JSON.objectNode().put("type", "integer"))),
            Map.entry(int.class, new ScalarType(ScalarTypes::integer, JSON.objectNode().put("type", "integer"))),
            Map.entry(Boolean.class, new ScalarType(ScalarTypes::bool, JSON.objectNode().put("type", "boolean"))),
            Map.entry(boolean.class, new ScalarType(ScalarTypes::bool, JSON.objectNode().put("type", "boolean"))),
            Map.entry(Duration.class, new ScalarType(Durations::parse,
                    string("a duration: 500ms, 2s, 10m, 1h, 7d").put("pattern", Durations.PATTERN))),
            Map.entry(URI.class, new ScalarType(HttpUrl::parse,
                    string("an http:// or https:// URL").put("pattern", "^(https?://.+|.*\\$\\{.+)"))),
            Map.entry(Path.class, new ScalarType(ScalarTypes::path, string("a path, relative to rewind.yaml"))),
            Map.entry(PostgresUrl.class, new ScalarType(PostgresUrl::parse,
                    string("postgresql://user@host:5432/database").put("pattern", "^(postgres(ql)?://.+|.*\\$\\{.+)"))),
            Map.entry(ByteSize.class, new ScalarType(ByteSize::parse,
                    string("a size: 5GB, 512MB, 1.5T").put("pattern", ByteSize.PATTERN))),
            Map.entry(HostPort.class, new ScalarType(HostPort::parse, string("host:port"))),
            Map.entry(HttpRequestLine.class, new ScalarType(HttpRequestLine::parse, string("\"METHOD URL\", e.g. \"GET http://localhost:3001/health\""))),
            Map.entry(PolicyExpression.class, new ScalarType(
                    text -> new PolicyExpression(compiled(text, Expressions.checkPolicy(text))),
                    string("a CEL condition over " + String.join(", ", Expressions.POLICY_VARIABLES)))),
            Map.entry(BodyExpression.class, new ScalarType(
                    text -> new BodyExpression(compiled(text, Expressions.checkBody(text))),
                    string("a CEL assertion over " + String.join(", ", Expressions.BODY_VARIABLES)))));

    private ScalarTypes() {}

    public static Optional<ScalarType> of(Class<?> type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    private static ObjectNode string(String description) {
        return JSON.objectNode().put("type", "string").put("description", description);
    }

    private static Object integer(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, found '" + text + "'", e);
        }
    }

    private static Object bool(String text) {
        return switch (text.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected true or false, found '" + text + "'");
        };
    }

    private static Object path(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("expected a path, found an empty string");
        }
        return Path.of(text);
    }

    private static String compiled(String source, List<String> errors) {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("CEL expression '" + source + "' does not compile: " + String.join("; ", errors));
        }
        return source;
    }
}
