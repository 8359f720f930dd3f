package dev.rewind.core.backup;

/** The exact number of rows of one table, as recorded in a backup manifest. */
public record TableCount(String schema, String table, long rows) {

    /** {@code schema.table}, quoted form not included. */
    public String qualifiedName() {
        return schema + "." + table;
    }
}
