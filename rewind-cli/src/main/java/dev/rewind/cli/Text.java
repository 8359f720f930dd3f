package dev.rewind.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small helpers for the human form of results. */
final class Text {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Text() {}

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /** 1.5 GiB, 512 MiB, 12 KiB, 7 B. */
    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** 2.3s, 0.4s, 75.0s. */
    static String seconds(java.time.Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** "1 component (backend)" / "2 datastores (db, uploads)" / "no datastores". */
    static String counted(List<String> names, String singular, String plural) {
        if (names.isEmpty()) {
            return "no " + plural;
        }
        return names.size() + " " + (names.size() == 1 ? singular : plural) + " (" + String.join(", ", names) + ")";
    }

    static String plural(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** Left-aligned columns, two spaces apart; the first row is the header. */
    static String table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
