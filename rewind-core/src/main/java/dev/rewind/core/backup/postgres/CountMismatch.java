package dev.rewind.core.backup.postgres;

/**
 * A table whose restored row count is not the manifest's.
 *
 * @param expected rows in the manifest
 * @param actual   rows found, or null when the table is missing
 */
public record CountMismatch(String schema, String table, long expected, Long actual) {

    /** {@code public.orders: expected 120 rows, found 118} or {@code public.orders: missing (expected 120 rows)}. */
    public String describe() {
        String name = schema + "." + table;
        return actual == null ? name + ": missing (expected " + expected + " rows)"
                : name + ": expected " + expected + " rows, found " + actual;
    }
}
