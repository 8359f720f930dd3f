package dev.rewind.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rewind.core.Json;
import java.time.Instant;
import java.util.Map;

/**
 * What a generic webhook receives: one JSON object per announcement, schema {@value #SCHEMA}.
 * <pre>{@code
 * {"schema": "rewind.event/v1", "event": "rollback.started", "environment": "production", "run_id": "r-42",
 *  "at": "2025-01-31T10:15:30.123Z", "text": "ROLLBACK IN PROGRESS\nEnvironment: production\n…",
 *  "values": {"current_version": "v2", "target_version": "v1", "reason": "…", "eta": "…"}}
 * }</pre>
 * {@code event} is one of {@link Announcement.Event}'s ids; {@code run_id} is null outside a run; {@code text} is the
 * rendered message (first line: the title); {@code values} are the announcement's values with snake_case keys,
 * durations as {@code 1m30s} and instants in ISO-8601 UTC. Within v1, fields are only ever added.
 *
 * @param schema      always {@value #SCHEMA}
 * @param event       the event's id, e.g. {@code rollback.started}
 * @param environment the environment
 * @param runId       the run, or null
 * @param at          when it happened
 * @param text        the rendered message
 * @param values      the values the message was made from
 */
public record WebhookEvent(String schema, String event, String environment, String runId, Instant at, String text,
                           Map<String, Object> values) {

    public static final String SCHEMA = "rewind.event/v1";

    /** The event of an announcement, with its rendered message. */
    public static WebhookEvent of(Announcement announcement, String text) {
        return new WebhookEvent(SCHEMA, announcement.event().id(), announcement.environment(), announcement.runId(),
                announcement.at(), text, announcement.values());
    }

    /** The event as one line of JSON. */
    public String toJson() throws JsonProcessingException {
        return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    }
}
