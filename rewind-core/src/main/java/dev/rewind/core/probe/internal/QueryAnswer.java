package dev.rewind.core.probe.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Judges a SQL probe's answer: exactly one row of one column, and that value {@code true}. */
final class QueryAnswer {

    private static final int VALUE_EXCERPT = 100;

    private QueryAnswer() {}

    static Outcome judge(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        if (!rows.next()) {
            return Outcome.failed("query returned no rows (expected one row with true)");
        }
        if (meta.getColumnCount() != 1) {
            List<String> first = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                first.add(meta.getColumnLabel(i) + " = " + show(rows.getObject(i)));
            }
            return Outcome.failed("query returned " + meta.getColumnCount() + " columns (expected one, true): "
                    + Texts.excerpt(String.join(", ", first), Texts.EXCERPT));
        }
        Object value = rows.getObject(1);
        if (rows.next()) {
            return Outcome.failed("query returned more than one row (expected one row with true); the first is "
                    + show(value));
        }
        if (Boolean.TRUE.equals(value)) {
            return Outcome.passed(null, null);
        }
        if (value instanceof Boolean || value == null) {
            return Outcome.failed("query returned " + value);
        }
        return Outcome.failed("query returned " + show(value) + " (" + meta.getColumnTypeName(1)
                + ", expected a boolean true)");
    }

    private static String show(Object value) {
        if (value == null) {
            return "null";
        }
        String text = Texts.excerpt(String.valueOf(value), VALUE_EXCERPT);
        return value instanceof Number || value instanceof Boolean ? text : "'" + text + "'";
    }
}
