package dev.rewind.core.store.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@code baselines} table: a release's healthy signal values, one row per name. */
final class BaselineTable {

    private BaselineTable() {}

    /** Replaces the release's baseline with {@code values}. */
    static void replace(Handle handle, String releaseId, Map<String, Double> values) {
        handle.createUpdate("DELETE FROM baselines WHERE release_id = :releaseId").bind("releaseId", releaseId).execute();
        if (values.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO baselines (release_id, name, value) VALUES (:releaseId, :name, :value)");
        values.forEach((name, value) -> batch.bind("releaseId", releaseId).bind("name", name).bind("value", value).add());
        batch.execute();
    }

    /** The release's baseline, sorted by name (in Java: collations differ between databases); empty if none. */
    static Map<String, Double> of(Handle handle, String releaseId) {
        Map<String, Double> values = new TreeMap<>();
        handle.createQuery("SELECT name, value FROM baselines WHERE release_id = :releaseId")
                .bind("releaseId", releaseId)
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getDouble("value")))
                .forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(values);
    }
}
