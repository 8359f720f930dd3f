package dev.rewind.core.config.internal;

import dev.rewind.core.config.Key;
import dev.rewind.core.config.Required;
import java.lang.reflect.RecordComponent;

/** How config record components map to YAML keys: snake_case of the name, or {@link Key}. */
public final class RecordKeys {

    private RecordKeys() {}

    public static String key(RecordComponent component) {
        Key key = component.getAnnotation(Key.class);
        return key != null ? key.value() : snakeCase(component.getName());
    }

    public static boolean required(RecordComponent component) {
        return component.isAnnotationPresent(Required.class);
    }

    /** The YAML key that says which variant of a sealed config type an entry is: its first component's key. */
    public static String discriminator(Class<?> variant) {
        return key(variant.getRecordComponents()[0]);
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
