package dev.rewind.core.report;

/**
 * One table's rows in the kept failed database and in the restored one.
 *
 * @param table        {@code schema.table}
 * @param keptRows     rows in the kept copy, or null if the table is not there
 * @param restoredRows rows in the restored database, or null if the table is not there
 * @param note         the difference in words, e.g. {@code 2 more rows in the kept copy}, {@code same},
 *                     {@code only in the kept copy}
 */
public record TableDifference(String table, Long keptRows, Long restoredRows, String note) {}
