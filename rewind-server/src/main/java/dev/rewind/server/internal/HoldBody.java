package dev.rewind.server.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rewind.core.config.Durations;
import io.javalin.http.BadRequestResponse;
import java.time.Duration;

/**
 * The body of {@code POST /api/environments/{env}/hold}: {@code {"for": "15m", "reason": "…"}} places a hold,
 * {@code {"release": true}} releases every active one.
 */
record HoldBody(@JsonProperty("for") String length, String reason, boolean release) {

    /** The hold's length; a 400 when it or the reason is missing or bad. */
    Duration duration() {
        if (length == null || reason == null || reason.isBlank()) {
            throw new BadRequestResponse("a hold needs \"for\" (e.g. \"15m\") and \"reason\"; or send"
                    + " {\"release\": true} to release the holds");
        }
        try {
            return Durations.parse(length);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("\"for\": " + e.getMessage());
        }
    }
}
