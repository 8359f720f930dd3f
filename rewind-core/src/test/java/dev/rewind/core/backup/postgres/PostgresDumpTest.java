package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.backup.SchemaVersion;
import dev.rewind.core.backup.TableCount;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class PostgresDumpTest {

    static final String PATH = Optional.ofNullable(System.getenv("PATH")).orElse("");
    static final String SCHEMA = """
            CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers);
            CREATE TABLE order_lines (id bigserial PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders,
                                      note text);
            CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
            INSERT INTO alembic_version VALUES ('3f2a');
            INSERT INTO customers (name) SELECT 'c' || i FROM generate_series(1, 20000) i;
            INSERT INTO orders (customer_id) SELECT id FROM customers;
            INSERT INTO order_lines (order_id, note) SELECT id, repeat('x', 100) FROM orders;
            """;

    @Test
    void countsAreExactlyWhatTheDumpHoldsWhileTheAppWrites(PostgresDatabase server, @TempDir Path tmp)
            throws InterruptedException {
        PostgresDatabase db = PgTestSupport.create(server, "Shop-Live");
        db.execute(SCHEMA);
        BytesSeen progress = new BytesSeen();
        DumpResult dump;
        try (Writer writer = new Writer(db)) {
            writer.awaitRows(200);
            long before = writer.committed.get();
            dump = new PostgresDump(PATH).backup(PgTestSupport.url(db), tmp.resolve("dump"), 2, progress);
            assertThat(writer.committed.get()).as("writes committed while backing up").isGreaterThan(before);
        }

        assertThat(dump.serverVersion()).startsWith("15.");
        assertThat(dump.schema()).isEqualTo(new SchemaVersion("alembic", "3f2a"));
        assertThat(progress.started).isEqualTo("pg_dump " + db.name());
        assertThat(progress.bytes.get()).isPositive();
        long dumpedOrders = rows(dump.tables(), "orders");
        assertThat(PgTestSupport.count(db, "orders")).as("live has more rows than the dump")
                .isGreaterThan(dumpedOrders);

        String shadow = DatabaseNames.shadow(db.name(), "run-20261121-093015-d0d0");
        RestoreResult restored = new ShadowRestore(PATH).fromDump(PgTestSupport.url(db), tmp.resolve("dump"),
                shadow, 2, dump.tables());

        assertThat(restored.tables()).isEqualTo(dump.tables());
        assertThat(PgTestSupport.counts(PgTestSupport.on(db, shadow))).isEqualTo(dump.tables());
        assertThat(rows(dump.tables(), "customers")).isEqualTo(rows(dump.tables(), "order_lines"));
    }

    @Test
    void neverWritesIntoADirectoryThatHasFiles(PostgresDatabase db, @TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> new PostgresDump(PATH).backup(PgTestSupport.url(db), tmp, 1, Progress.NONE))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("The dump directory " + tmp + " is not empty")
                .hasMessageContaining("fix: back up into a new directory");
        assertThat(tmp.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void aPathWithoutPgDumpFailsClearly(PostgresDatabase db, @TempDir Path tmp) {
        assertThatThrownBy(() -> new PostgresDump(tmp.toString()).backup(PgTestSupport.url(db), tmp.resolve("d"), 1,
                Progress.NONE))
                .isInstanceOf(RewindException.class)
                .hasMessageStartingWith("pg_dump not found on PATH (" + tmp + ")\n    fix: install"
                        + " postgresql-client-15")
                .hasMessageContaining("`strategy: clone`");
    }

    static long rows(List<TableCount> tables, String table) {
        return tables.stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow().rows();
    }

    /** The application: inserts a customer, an order and a line per transaction until closed. */
    static final class Writer implements AutoCloseable {
        final AtomicLong committed = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicBoolean failed = new AtomicBoolean();

        Writer(PostgresDatabase db) {
            Thread.ofPlatform().name("writer").start(() -> write(db));
        }

        private void write(PostgresDatabase db) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                while (!stop.get()) {
                    st.execute("WITH c AS (INSERT INTO customers (name) VALUES ('new') RETURNING id),"
                            + " o AS (INSERT INTO orders (customer_id) SELECT id FROM c RETURNING id)"
                            + " INSERT INTO order_lines (order_id, note) SELECT id, 'during' FROM o");
                    c.commit();
                    committed.incrementAndGet();
                }
            } catch (SQLException e) {
                failed.set(true);
                throw new IllegalStateException(e);
            } finally {
                done.countDown();
            }
        }

        void awaitRows(long rows) throws InterruptedException {
            while (committed.get() < rows && !failed.get()) {
                Thread.sleep(5);
            }
            assertThat(failed).isFalse();
        }

        @Override
        public void close() {
            stop.set(true);
            try {
                assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the writer", e);
            }
            assertThat(failed).isFalse();
        }
    }

    /** Records what a backup reported. */
    static final class BytesSeen implements Progress {
        final AtomicLong bytes = new AtomicLong();
        volatile String started;

        @Override
        public void start(String task, long totalBytes) {
            started = task;
        }

        @Override
        public void advance(long more) {
            bytes.addAndGet(more);
        }
    }
}
