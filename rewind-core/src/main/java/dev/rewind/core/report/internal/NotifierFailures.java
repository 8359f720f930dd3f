package dev.rewind.core.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.report.NotifierFailure;
import dev.rewind.core.store.Event;
import java.util.List;

/** The announcements about an incident's runs that did not reach a notifier ({@code notify.failed} events). */
public final class NotifierFailures {

    static final String ACTION = "notify.failed";

    private NotifierFailures() {}

    public static List<NotifierFailure> of(Incident incident) {
        return incident.events().stream().filter(e -> e.action().equals(ACTION)).map(NotifierFailures::failure)
                .toList();
    }

    /** Reads {@code notifier}, {@code event} and {@code error} from the details; other details become the error. */
    private static NotifierFailure failure(Event event) {
        String detail = event.detailJson() == null ? null : event.detailJson().strip();
        if (detail == null || !detail.startsWith("{")) {
            return new NotifierFailure(event.at(), null, null, detail);
        }
        JsonNode json = Json.readTree(detail);
        String error = json.path("error").isTextual() ? json.path("error").asText() : Timeline.oneLine(detail);
        return new NotifierFailure(event.at(), text(json, "notifier"), text(json, "event"), error);
    }

    private static String text(JsonNode json, String field) {
        return json.path(field).isTextual() ? json.path(field).asText() : null;
    }
}
