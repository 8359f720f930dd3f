package dev.rewind.core.backup.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one {@code pg_db_role_setting} entry ({@code name=value}) back into the {@code SET} clause that made it,
 * as pg_dump does: list settings whose elements PostgreSQL quotes (search_path…) become one literal per element.
 */
final class SettingSql {

    private static final Set<String> LIST_QUOTED = Set.of("local_preload_libraries", "search_path",
            "session_preload_libraries", "shared_preload_libraries", "temp_tablespaces", "unix_socket_directories");

    private SettingSql() {}

    /** {@code "work_mem" = '8MB'} for {@code work_mem=8MB}. */
    static String setClause(String entry) {
        int equals = entry.indexOf('=');
        String name = entry.substring(0, equals);
        String value = entry.substring(equals + 1);
        return "SET " + Sql.ident(name) + " = " + value(name, value);
    }

    private static String value(String name, String value) {
        if (!LIST_QUOTED.contains(name.toLowerCase(Locale.ROOT))) {
            return Sql.literal(value);
        }
        List<String> elements = split(value);
        return elements.isEmpty() ? "''" : elements.stream().map(Sql::literal).collect(Collectors.joining(", "));
    }

    /** PostgreSQL's SplitGUCList: comma-separated, each element bare or double-quoted with {@code ""} escapes. */
    static List<String> split(String list) {
        List<String> elements = new ArrayList<>();
        int i = skipSpaces(list, 0);
        while (i < list.length()) {
            StringBuilder element = new StringBuilder();
            if (list.charAt(i) == '"') {
                i = quoted(list, i + 1, element);
                elements.add(element.toString());
            } else {
                while (i < list.length() && list.charAt(i) != ',') {
                    element.append(list.charAt(i++));
                }
                elements.add(element.toString().strip());
            }
            i = skipSpaces(list, i);
            i = i < list.length() && list.charAt(i) == ',' ? skipSpaces(list, i + 1) : i;
        }
        return elements;
    }

    private static int quoted(String list, int start, StringBuilder element) {
        int i = start;
        while (i < list.length()) {
            char c = list.charAt(i++);
            if (c != '"') {
                element.append(c);
            } else if (i < list.length() && list.charAt(i) == '"') {
                element.append('"');
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
