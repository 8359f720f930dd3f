package dev.rewind.sampleapp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a handler answers.
 *
 * @param error what went wrong, for error answers; the router logs it when the status is 5xx
 */
public record Response(int status, String contentType, byte[] body, String error) {

    static final String JSON = "application/json";

    public static Response json(int status, Object value) {
        return new Response(status, JSON, Json.bytes(value), null);
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A JSON error answer, {@code {"error": message}}. */
    public static Response error(int status, String message) {
        return new Response(status, JSON, Json.bytes(Map.of("error", message)), message);
    }
}
