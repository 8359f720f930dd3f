package dev.rewind.sampleapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;

/** The one ObjectMapper: record components become snake_case keys, e.g. {@code uptime_seconds}. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Json() {}

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Parses a request body; bad JSON becomes a 400 saying where it broke. */
    public static JsonNode read(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new HttpError(400,
                        "the request body is empty: send a JSON object like {\"name\":\"a\",\"body\":\"b\"}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "the request body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new HttpError(400, "cannot read the request body: " + e.getMessage(), e);
        }
    }
}
