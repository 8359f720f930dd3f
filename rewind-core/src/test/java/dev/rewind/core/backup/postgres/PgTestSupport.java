package dev.rewind.core.backup.postgres;

import dev.rewind.core.backup.TableCount;
import dev.rewind.core.config.PostgresUrl;
import dev.rewind.testkit.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers over the test kit's server: other databases on it, unique role names, sessions. */
final class PgTestSupport {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private PgTestSupport() {}

    /** Another database on the same server as {@code db}. */
    static PostgresDatabase on(PostgresDatabase db, String name) {
        return new PostgresDatabase(db.host(), db.port(), name, db.user());
    }

    /** The server's {@code postgres} database, for CREATE/ALTER DATABASE. */
    static PostgresDatabase admin(PostgresDatabase db) {
        return on(db, "postgres");
    }

    /** A new, empty database named {@code base} plus a unique suffix (keeps upper case and dashes). */
    static PostgresDatabase create(PostgresDatabase db, String base) {
        String name = base + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        admin(db).execute("CREATE DATABASE " + Sql.ident(name));
        return on(db, name);
    }

    static String unique(String base) {
        return base + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    static boolean exists(PostgresDatabase db, String name) {
        return admin(db).queryValue("SELECT 1 FROM pg_database WHERE datname = '" + name + "'") != null;
    }

    static PostgresUrl url(PostgresDatabase db) {
        return PostgresUrl.parse("postgresql://" + db.user() + "@" + db.host() + ":" + db.port() + "/"
                + db.name().replace("%", "%25"));
    }

    /** A session on {@code db} that says who it is, like an application's connection would. */
    static Connection session(PostgresDatabase db, String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name(),
                properties);
    }

    static long count(PostgresDatabase db, String table) {
        return ((Number) db.queryValue("SELECT count(*) FROM " + table)).longValue();
    }

    static List<TableCount> counts(PostgresDatabase db) {
        try (Connection c = db.connect()) {
            return PostgresInspector.tableCounts(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
