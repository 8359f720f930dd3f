package dev.rewind.core.signal;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * One measured value, or why there is none. "No data" is never zero: a rule over a metric without data cannot
 * pass, and the policy says INSUFFICIENT_DATA with {@link #reason()} instead.
 *
 * @param name   the signal's name, e.g. {@code error_rate}
 * @param value  the value (finite), or null when there is no data
 * @param reason why there is no data, e.g. "Prometheus returned an empty result for `…`"; null when there is a value
 */
public record MetricValue(String name, Double value, String reason) {

    public MetricValue {
        requireNonNull(name, "name");
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("a metric has either a value or a reason for having none: " + name);
        }
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " must be finite, was " + value);
        }
    }

    public static MetricValue of(String name, double value) {
        return new MetricValue(name, value, null);
    }

    public static MetricValue noData(String name, String reason) {
        return new MetricValue(name, null, reason);
    }

    public boolean hasData() {
        return value != null;
    }

    public OptionalDouble asOptional() {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    @Override
    public String toString() {
        return name + ": " + (value != null ? value : "no data (" + reason + ")");
    }
}
