package dev.rewind.core.signal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON as plain Java values (Map, List, String, Long, Double, Boolean, null), and those as CEL values. */
final class JsonValues {

    private JsonValues() {}

    /** Objects become ordered maps, integers Long (Double beyond its range), other numbers Double. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), toJava(field.getValue())));
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(toJava(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.asLong() : (Object) node.asDouble();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.isBoolean() ? (Object) node.asBoolean() : node.asText();
    }

    /** A value CEL evaluates: null becomes CEL's null, Integer Long, Float Double, recursively. */
    static Object toCel(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(key, toCel(element)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(toCel(element)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value instanceof Float f ? (Object) f.doubleValue() : value;
    }
}
