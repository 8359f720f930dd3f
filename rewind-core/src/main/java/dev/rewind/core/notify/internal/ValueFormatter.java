package dev.rewind.core.notify.internal;

import com.samskivert.mustache.Mustache;
import dev.rewind.core.config.Durations;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How template values print: durations as people read them ({@code 350ms}, {@code 2.3s}, {@code 4m12s}), maps as
 * {@code error_rate=0.12, p99=2.4}, lists joined with commas, anything else as its {@code toString()}.
 */
public final class ValueFormatter implements Mustache.Formatter {

    @Override
    public CharSequence format(Object value) {
        return text(value);
    }

    /** The value as a template prints it. */
    public static String text(Object value) {
        return switch (value) {
            case Duration d -> duration(d);
            case Map<?, ?> map -> map.entrySet().stream()
                    .map(e -> e.getKey() + "=" + text(e.getValue()))
                    .collect(Collectors.joining(", "));
            case Collection<?> items -> items.stream().map(ValueFormatter::text).collect(Collectors.joining(", "));
            case null -> "";
            default -> String.valueOf(value);
        };
    }

    /** {@code 350ms} under a second, {@code 2.3s} under a minute, else {@code 4m12s}. */
    public static String duration(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        return Durations.format(d.truncatedTo(ChronoUnit.SECONDS));
    }
}
