package dev.rewind.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.rewind.core.Json;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/** The server's JSON: the form of {@code --json} ({@link Json}), on one line. Request bodies are read strictly. */
public final class ServerJson {

    public static final ObjectMapper MAPPER = Json.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);

    private ServerJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * The value as JSON on one line, as a server-sent event's {@code data:} must be, with the raw JSON it embeds (a
     * step's output, a run's plan) on that line too.
     */
    static String line(Object value) {
        try {
            return MAPPER.readTree(write(value)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read back the JSON of " + value.getClass().getSimpleName(), e);
        }
    }

    /** The request's body as {@code type}; a 400 naming the problem if it is not that JSON object. */
    static <T> T body(Context ctx, Class<T> type) {
        try {
            JsonNode body = MAPPER.readTree(ctx.body());
            if (!body.isObject()) {
                throw new BadRequestResponse("the body must be a JSON object, e.g. {}");
            }
            return MAPPER.treeToValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequestResponse("unknown key '" + e.getPropertyName() + "' in the body; the keys are "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("the body is not the JSON object expected: " + e.getOriginalMessage());
        }
    }
}
