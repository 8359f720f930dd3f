package dev.rewind.core.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids a rollback run saved as its plan ({@code Run.planJson}), read leniently so that fields added later do not
 * break reports.
 *
 * @param from       the release rolled back
 * @param to         the release rolled back to
 * @param backup     the backup set restored, or null
 * @param components the components acted on, in start order
 * @param datastores the datastores restored
 * @param reason     why
 */
public record SavedPlan(String from, String to, String backup, List<String> components, List<String> datastores,
                        String reason) {

    public SavedPlan {
        components = List.copyOf(components);
        datastores = List.copyOf(datastores);
    }

    static SavedPlan read(String planJson) {
        JsonNode plan = Json.readTree(planJson);
        return new SavedPlan(text(plan, "from"), text(plan, "to"), text(plan, "backup"), texts(plan, "components"),
                texts(plan, "datastores"), text(plan, "reason"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
