package dev.rewind.core.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How values are written to columns: instants as fixed-width ISO-8601 UTC text with milliseconds (so text
 * order is time order), enums as lower-case names, maps as JSON objects.
 */
final class Columns {

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private Columns() {}

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Instant.parse(text);
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet rs, String column) throws SQLException {
        String code = rs.getString(column);
        for (E value : type.getEnumConstants()) {
            if (code(value).equals(code)) {
                return value;
            }
        }
        throw new RewindException(ErrorCode.STORE, "The state store holds an unknown " + column + " '" + code
                + "'; it was probably written by a newer Rewind. Upgrade Rewind.");
    }

    static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new RewindException(ErrorCode.STORE, "Cannot write a map as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> map(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        try {
            return JSON.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new RewindException(ErrorCode.STORE, "The state store holds invalid JSON in " + column + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
