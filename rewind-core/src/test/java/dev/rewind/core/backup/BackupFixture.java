package dev.rewind.core.backup;

import dev.rewind.core.config.ConfigLoader;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.StateStore;
import dev.rewind.testkit.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A project with one environment: a real PostgreSQL database with a few related tables, and an uploads directory. */
final class BackupFixture implements AutoCloseable {

    final Path project;
    final PostgresDatabase db;
    final EnvironmentConfig env;
    final StateStore store;
    final BackupLayout layout;
    final Backups backups;

    BackupFixture(Path project, PostgresDatabase db, String strategy, int keep) {
        this.project = project;
        this.db = db;
        db.execute("""
                CREATE TABLE customers(id bigserial PRIMARY KEY, name text NOT NULL, profile jsonb);
                CREATE TABLE orders(id bigserial PRIMARY KEY, customer_id bigint REFERENCES customers(id), total numeric);
                CREATE INDEX orders_customer ON orders(customer_id);
                INSERT INTO customers(name, profile) SELECT 'c' || i, jsonb_build_object('n', i) FROM generate_series(1, 200) i;
                INSERT INTO orders(customer_id, total) SELECT 1 + i % 200, i FROM generate_series(1, 500) i;
                """);
        this.env = ConfigLoader.parse("rewind.yaml", """
                project: shop
                environments:
                  production:
                    keep: %d
                    components: { api: { driver: process, start: ./api } }
                    datastores:
                      db: { postgres: "%s", strategy: %s }
                      uploads: { files: uploads }
                """.formatted(keep, db.url(), strategy), Map.of()).environments().get("production");
        write("uploads/a.txt", "alpha");
        write("uploads/nested/b.txt", "bravo");
        this.store = StateStore.open(".rewind/state.db", project);
        this.layout = new BackupLayout(project.resolve(".rewind/backups"));
        this.backups = new Backups(store, layout, project, Clock.systemUTC());
    }

    Backups.Taken take() {
        return backups.take("production", env, null, options(), Progress.NONE);
    }

    Backups.Options options() {
        return Backups.Options.defaults(System.getenv("PATH"));
    }

    void write(String path, String text) {
        try {
            Path file = project.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count(String table) {
        return (Long) db.queryValue("SELECT count(*) FROM " + table);
    }

    @Override
    public void close() {
        store.close();
    }
}
