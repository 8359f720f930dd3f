package dev.rewind.core.config.internal;

import dev.rewind.core.config.Location;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds a {@link YamlNode} tree to the config records, strictly: every unknown key, missing key and bad value is
 * recorded as a problem with its location, and binding goes on so that all problems are found in one pass.
 * A value that could not be bound comes back as {@code null}.
 */
public final class Binder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Problems problems;
    private final Interpolator interpolator;
    private final Map<Object, YamlNode.Mapping> origins = new IdentityHashMap<>();
    /** Values that could not be bound; unlike unknown keys, these stop the enclosing record from being built. */
    private int failures;

    public Binder(Problems problems, Interpolator interpolator) {
        this.problems = problems;
        this.interpolator = interpolator;
    }

    /** Where a bound record's key was written (or the record itself, when the key is absent). */
    public Location where(Object record, String key) {
        YamlNode.Mapping mapping = origins.get(record);
        if (mapping == null) {
            throw new IllegalArgumentException("not a bound config record: " + record);
        }
        return mapping.entry(key).map(e -> e.value().location()).orElse(mapping.location());
    }

    public <T> T bind(YamlNode node, Class<T> type) {
        return type.cast(bind(node, type, "the config"));
    }

    private Object bind(YamlNode node, Type type, String path) {
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL) {
            return null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return list(node, p.getActualTypeArguments()[0], path);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return map(node, p.getActualTypeArguments()[1], path);
        }
        Class<?> cls = (Class<?>) type;
        if (cls.isRecord() && ScalarTypes.of(cls).isEmpty()) {
            return node instanceof YamlNode.Mapping m ? record(m, cls, path) : mismatch(node, "a mapping", path);
        }
        if (cls.isSealed()) {
            return node instanceof YamlNode.Mapping m ? oneOf(m, cls, path) : mismatch(node, "a mapping", path);
        }
        return node instanceof YamlNode.Scalar s ? scalar(s, cls, path) : mismatch(node, "a single value", path);
    }

    /** Unknown keys are reported but do not stop the record from being built, so cross-checks still see it. */
    private Object record(YamlNode.Mapping mapping, Class<?> cls, String path) {
        boolean failed = false;
        RecordComponent[] components = cls.getRecordComponents();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            index.put(RecordKeys.key(components[i]), i);
        }
        Object[] values = new Object[components.length];
        for (YamlNode.Entry entry : mapping.entries()) {
            Integer i = index.get(entry.key());
            if (i == null) {
                unknownKey(entry, index.keySet(), path);
            } else {
                int before = failures;
                values[i] = bind(entry.value(), components[i].getGenericType(), path + "." + entry.key());
                failed |= failures > before;
            }
        }
        for (int i = 0; i < components.length; i++) {
            if (values[i] == null && RecordKeys.required(components[i]) && mapping.entry(RecordKeys.key(components[i])).isEmpty()) {
                fail(mapping.location(), "missing key '" + RecordKeys.key(components[i]) + "' in " + path,
                        "add `" + RecordKeys.key(components[i]) + ": …` here");
                failed = true;
            }
            if (values[i] == null && components[i].getType().isPrimitive()) {
                values[i] = components[i].getType() == boolean.class ? Boolean.FALSE : Integer.valueOf(0);
            }
        }
        return failed ? null : construct(cls, components, values, mapping, path);
    }

    private Object construct(Class<?> cls, RecordComponent[] components, Object[] values, YamlNode.Mapping mapping, String path) {
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = cls.getDeclaredConstructor(types);
            Object result = constructor.newInstance(values);
            origins.put(result, mapping);
            return result;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                fail(mapping.location(), bad.getMessage() + " in " + path, "");
                return null;
            }
            throw new IllegalStateException("cannot build " + cls.getSimpleName() + " at " + path, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("config record " + cls.getName() + " has no canonical constructor", e);
        }
    }

    private Object oneOf(YamlNode.Mapping mapping, Class<?> sealed, String path) {
        List<Class<?>> variants = Arrays.asList(sealed.getPermittedSubclasses());
        List<String> kinds = variants.stream().map(RecordKeys::discriminator).toList();
        List<Class<?>> present = variants.stream().filter(v -> mapping.entry(RecordKeys.discriminator(v)).isPresent()).toList();
        if (present.size() == 1) {
            return record(mapping, present.get(0), path);
        }
        String fix = present.isEmpty()
                ? mapping.entries().stream().map(e -> Suggestions.closest(e.key(), kinds)).flatMap(Optional::stream)
                        .findFirst().map(k -> "did you mean `" + k + "`?").orElse("add one of: " + String.join(", ", kinds))
                : "keep only one of " + present.stream().map(RecordKeys::discriminator).toList();
        fail(mapping.location(), path + " needs exactly one of the keys " + String.join(", ", kinds), fix);
        return null;
    }

    private Object list(YamlNode node, Type element, String path) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            return mismatch(node, "a list", path);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            Object value = bind(sequence.items().get(i), element, path + "[" + i + "]");
            if (value != null) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    private Object map(YamlNode node, Type value, String path) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            return mismatch(node, "a mapping", path);
        }
        boolean named = value instanceof Class<?> c && (c.isRecord() || c.isSealed());
        Map<String, Object> out = new LinkedHashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            if (named && !NAME.matcher(entry.key()).matches()) {
                fail(entry.keyLocation(), "'" + entry.key() + "' is not a valid name in " + path,
                        "use letters, digits, '-', '_' and '.', starting with a letter or digit");
                continue;
            }
            Object bound = bind(entry.value(), value, path + "." + entry.key());
            if (bound != null) {
                out.put(entry.key(), bound);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private Object scalar(YamlNode.Scalar scalar, Class<?> type, String path) {
        Optional<String> text = scalar.kind() == YamlNode.Scalar.Kind.STRING
                ? interpolator.apply(scalar.text(), scalar.location())
                : Optional.of(scalar.text());
        if (text.isEmpty()) {
            failures++;
            return null;
        }
        try {
            if (type.isEnum()) {
                return enumValue(text.get(), type);
            }
            return ScalarTypes.of(type)
                    .orElseThrow(() -> new IllegalStateException("config type " + type + " has no scalar parser"))
                    .parse().apply(text.get());
        } catch (IllegalArgumentException e) {
            fail(scalar.location(), "bad value for " + path + ": " + e.getMessage(), "");
            return null;
        }
    }

    private static Object enumValue(String text, Class<?> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        for (Object constant : type.getEnumConstants()) {
            if (constant.toString().equals(text)) {
                return constant;
            }
        }
        String hint = Suggestions.closest(text, names).map(n -> " (did you mean " + n + "?)").orElse("");
        throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ", names) + hint);
    }

    private void unknownKey(YamlNode.Entry entry, Collection<String> valid, String path) {
        String fix = Suggestions.closest(entry.key(), valid)
                .map(k -> "did you mean `" + k + "`?")
                .orElse("valid keys here: " + String.join(", ", valid));
        problems.add(entry.keyLocation(), "unknown key '" + entry.key() + "' in " + path, fix);
    }

    private Object mismatch(YamlNode node, String expected, String path) {
        fail(node.location(), path + " should be " + expected + " but is " + node.describe(), "");
        return null;
    }

    private void fail(Location at, String message, String fix) {
        problems.add(at, message, fix);
        failures++;
    }
}
