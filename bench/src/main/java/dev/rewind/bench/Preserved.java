package dev.rewind.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What became of the items written after the backup, once a rollback is done: how many of their rows are still in
 * some database of the server (the live one or one a rollback kept), how many of their files still exist somewhere
 * under the project directory, and where.
 *
 * @param written how many items were written (each a row and a file)
 * @param rows    how many of their rows were found
 * @param files   how many of their files were found
 * @param places  the databases and directories they were found in
 */
record Preserved(int written, int rows, int files, Set<String> places) {

    Preserved {
        places = Set.copyOf(places);
    }

    /** Looks for the items {@code names} in every database of {@code server} and under {@code project}. */
    static Preserved find(BenchServer server, Path project, List<String> names) {
        Set<String> places = new TreeSet<>();
        Set<String> rows = new HashSet<>();
        for (String database : databases(server)) {
            List<String> found = rows(server, database, names);
            if (!found.isEmpty()) {
                places.add(database);
                rows.addAll(found);
            }
        }
        Set<String> bodies = names.stream().map(RollbackProject::itemBody).collect(Collectors.toSet());
        Set<String> files = new HashSet<>();
        for (Path file : itemFiles(project)) {
            String content = read(file);
            if (bodies.contains(content)) {
                files.add(content);
                places.add(project.relativize(file.getParent().getParent()).toString());
            }
        }
        return new Preserved(names.size(), rows.size(), files.size(), places);
    }

    /** The sum of two counts, e.g. over repetitions. */
    Preserved plus(Preserved other) {
        Set<String> both = new TreeSet<>(places);
        both.addAll(other.places);
        return new Preserved(written + other.written, rows + other.rows, files + other.files, both);
    }

    /** {@code 12 of 12 rows, 12 of 12 files (in `shop__rewind_…`, `uploads.rewind-…`)}. */
    String describe() {
        String counts = rows + " of " + written + " rows, " + files + " of " + written + " files";
        return places.isEmpty() ? counts : counts + " (in " + new TreeSet<>(places).stream()
                .map(place -> "`" + place + "`").collect(Collectors.joining(", ")) + ")";
    }

    private static List<String> databases(BenchServer server) {
        try (Connection connection = server.connect("postgres");
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT datname FROM pg_database WHERE NOT datistemplate AND datallowconn ORDER BY datname");
                ResultSet result = statement.executeQuery()) {
            List<String> databases = new ArrayList<>();
            while (result.next()) {
                databases.add(result.getString(1));
            }
            return databases;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the databases", e);
        }
    }

    /** The names of the items {@code names} in {@code database}'s {@code items} table, if it has one. */
    private static List<String> rows(BenchServer server, String database, List<String> names) {
        try (Connection connection = server.connect(database)) {
            if (!hasItems(connection)) {
                return List.of();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT name FROM items WHERE name = ANY (?)")) {
                Array array = connection.createArrayOf("text", names.toArray());
                statement.setArray(1, array);
                List<String> found = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        found.add(result.getString(1));
                    }
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for the items in " + database, e);
        }
    }

    private static boolean hasItems(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT to_regclass('public.items') IS NOT NULL");
                ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    /** Every {@code items/<id>.txt} under {@code project}, where the sample app writes an item's file. */
    private static List<Path> itemFiles(Path project) {
        try (Stream<Path> paths = Files.walk(project)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".txt")
                            && path.getParent().getFileName().toString().equals("items") && Files.isRegularFile(path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for the items' files under " + project, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
