package dev.rewind.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * One goal of the issue: {@code measured} must be at most {@code factor} times {@code reference}.
 *
 * @param goal      in full, e.g. "dump backup ≤ 1/3 of `pg_dump | gzip`"
 * @param limit     for a table cell, e.g. "≤ 1/3 runbook"
 * @param measured  Rewind's time
 * @param reference what it is compared with: the runbook, the raw copy, or a fixed limit
 * @param factor    the allowed multiple of the reference
 * @param fixed     true when the reference is a fixed limit (then the cell shows the time, not a ratio)
 */
record Target(String goal, String limit, Duration measured, Duration reference, double factor, boolean fixed) {

    static Target relative(String goal, String limit, Duration measured, Duration reference, double factor) {
        return new Target(goal, limit, measured, reference, factor, false);
    }

    static Target below(String goal, Duration measured, Duration limit) {
        return new Target(goal, "< " + Timed.format(limit), measured, limit, 1, true);
    }

    boolean met() {
        return fixed ? measured.compareTo(reference) < 0 : measured.toNanos() <= reference.toNanos() * factor;
    }

    String verdict() {
        return met() ? "✓ met" : "✗ missed";
    }

    /** For the results table, e.g. {@code ≤ 1/3 runbook: 0.24× ✓ met}. */
    String cell() {
        return limit + ": " + (fixed ? Timed.format(measured) : Ratio.format(measured, reference)) + " " + verdict();
    }

    String describe() {
        return String.format(Locale.ROOT, "%s: **%s** — %s against %s (%s)", goal, verdict(), Timed.format(measured),
                Timed.format(reference), Ratio.format(measured, reference));
    }
}
