package dev.rewind.core.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.core.config.internal.RecordKeys;
import dev.rewind.core.config.internal.ScalarTypes;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schema of {@code rewind.yaml}, generated from the config records themselves, so it cannot drift from
 * what {@link ConfigLoader} accepts.
 */
public final class ConfigSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<Class<?>, ObjectNode> definitions = new LinkedHashMap<>();

    private ConfigSchema() {}

    /** The schema, draft 2020-12, with one definition per config record. */
    public static ObjectNode generate() {
        ConfigSchema generator = new ConfigSchema();
        ObjectNode root = JSON.objectNode()
                .put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("$id", "https://rewind.dev/schema/rewind.yaml.json")
                .put("title", "rewind.yaml");
        root.setAll(generator.recordSchema(RewindConfig.class));
        ObjectNode defs = root.putObject("$defs");
        generator.definitions.forEach((cls, schema) -> defs.set(name(cls), schema));
        return root;
    }

    private ObjectNode schema(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == java.util.List.class) {
            return JSON.objectNode().put("type", "array").set("items", schema(p.getActualTypeArguments()[0]));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return JSON.objectNode().put("type", "object").set("additionalProperties", schema(p.getActualTypeArguments()[1]));
        }
        Class<?> cls = (Class<?>) type;
        var scalar = ScalarTypes.of(cls);
        if (scalar.isPresent()) {
            return scalar.get().schema().deepCopy();
        }
        if (cls.isEnum()) {
            ArrayNode values = JSON.arrayNode();
            Arrays.stream(cls.getEnumConstants()).map(Object::toString).forEach(values::add);
            return JSON.objectNode().put("type", "string").set("enum", values);
        }
        return reference(cls);
    }

    private ObjectNode reference(Class<?> cls) {
        if (!definitions.containsKey(cls)) {
            definitions.put(cls, JSON.objectNode());
            definitions.get(cls).setAll(cls.isSealed() ? oneOf(cls) : recordSchema(cls));
        }
        return JSON.objectNode().put("$ref", "#/$defs/" + name(cls));
    }

    private ObjectNode oneOf(Class<?> sealed) {
        ArrayNode variants = JSON.arrayNode();
        for (Class<?> variant : sealed.getPermittedSubclasses()) {
            variants.add(reference(variant));
        }
        return JSON.objectNode().set("oneOf", variants);
    }

    private ObjectNode recordSchema(Class<?> cls) {
        ObjectNode schema = JSON.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : cls.getRecordComponents()) {
            properties.set(RecordKeys.key(component), schema(component.getGenericType()));
            if (RecordKeys.required(component)) {
                required.add(RecordKeys.key(component));
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static String name(Class<?> cls) {
        return cls.getName().substring(cls.getPackageName().length() + 1).replace('$', '.');
    }
}
