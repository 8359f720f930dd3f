package dev.rewind.core.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Normalisation shared by the records: times kept to the millisecond, maps copied in order. */
final class Values {

    private Values() {}

    /** The instant truncated to milliseconds, the precision the store keeps; null stays null. */
    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A required instant, truncated to milliseconds. */
    static Instant requiredMillis(Instant instant, String name) {
        return millis(Objects.requireNonNull(instant, name));
    }

    /** An unmodifiable copy that keeps the iteration order; null keys and values are refused. */
    static Map<String, String> orderedCopy(Map<String, String> map, String name) {
        Objects.requireNonNull(map, name);
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, name + " key"), Objects.requireNonNull(value, name + " value")));
        return Collections.unmodifiableMap(copy);
    }
}
