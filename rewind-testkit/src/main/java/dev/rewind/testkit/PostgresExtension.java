package dev.rewind.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a fresh database on one real embedded PostgreSQL 15 server, started once per test run
 * (per JVM) and stopped when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class StoreTest {
 *     @Test void writes(PostgresDatabase db) { ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return freshDatabase(server(context));
    }

    /** The shared server, for tests that need to reach it outside JUnit's parameter injection. */
    public static EmbeddedPostgres server(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(PostgresExtension.class))
                .getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class)
                .postgres();
    }

    /** Creates a new, empty database on the server. */
    public static PostgresDatabase freshDatabase(EmbeddedPostgres server) {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (var c = server.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new PostgresDatabase("localhost", server.getPort(), name, "postgres");
    }

    private record Server(EmbeddedPostgres postgres) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static Server start() {
            try {
                return new Server(EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL 15", e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
