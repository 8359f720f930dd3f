package dev.rewind.sampleapp;

import com.fasterxml.jackson.annotation.JsonValue;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code items}.
 *
 * @param hasNote whether the schema has the {@code note} column (migration 2); only then is {@code note} in the JSON
 * @param note    the note, possibly null
 */
public record Item(long id, String name, String body, OffsetDateTime createdAt, boolean hasNote, String note) {

    /** Reads the current row, whatever columns newer schemas added. */
    static Item from(ResultSet rs) throws SQLException {
        boolean hasNote = hasColumn(rs.getMetaData(), "note");
        return new Item(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class),
                hasNote,
                hasNote ? rs.getString("note") : null);
    }

    private static boolean hasColumn(ResultSetMetaData meta, String name) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnName(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The JSON object: a mutable map, so a handler can add fields such as {@code file}. */
    @JsonValue
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("body", body);
        json.put("created_at", createdAt.toString());
        if (hasNote) {
            json.put("note", note);
        }
        return json;
    }
}
