package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.backup.SchemaVersion;
import dev.rewind.core.backup.TableCount;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresInspectorTest {

    @Test
    void flywayIsTheHighestSuccessfulInstalledRank(PostgresDatabase db) throws SQLException {
        db.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text,"
                + " success boolean NOT NULL);"
                + "INSERT INTO flyway_schema_history VALUES (1, '1', true), (2, '1.1', true), (3, '2', false)");

        assertThat(schemaVersion(db)).isEqualTo(new SchemaVersion("flyway", "2"));
    }

    @Test
    void liquibaseIsTheHighestOrderExecuted(PostgresDatabase db) throws SQLException {
        db.execute("CREATE TABLE databasechangelog (id text, orderexecuted int NOT NULL);"
                + "INSERT INTO databasechangelog VALUES ('a', 1), ('b', 7), ('c', 3)");

        assertThat(schemaVersion(db)).isEqualTo(new SchemaVersion("liquibase", "7"));
    }

    @Test
    void alembicIsTheVersionNum(PostgresDatabase db) throws SQLException {
        db.execute("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);"
                + "INSERT INTO alembic_version VALUES ('ae1027a6acf')");

        assertThat(schemaVersion(db)).isEqualTo(new SchemaVersion("alembic", "ae1027a6acf"));
    }

    @Test
    void noMigrationToolIsNone(PostgresDatabase db) throws SQLException {
        db.execute("CREATE TABLE items (id int)");

        assertThat(schemaVersion(db)).isEqualTo(SchemaVersion.NONE);
    }

    @Test
    void countsEveryUserTableExactlyInEverySchema(PostgresDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE items (id int); INSERT INTO items SELECT generate_series(1, 1000);
                CREATE SCHEMA "Sales-EU"; CREATE TABLE "Sales-EU"."Order Items" (id int);
                INSERT INTO "Sales-EU"."Order Items" VALUES (1), (2);
                CREATE TABLE events (at date NOT NULL) PARTITION BY RANGE (at);
                CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                INSERT INTO events VALUES ('2025-03-01'), ('2026-03-01'), ('2026-04-01');
                CREATE VIEW item_view AS SELECT * FROM items;
                CREATE MATERIALIZED VIEW item_matview AS SELECT * FROM items;
                """);

        try (Connection c = db.connect()) {
            assertThat(PostgresInspector.tableCounts(c)).containsExactly(
                    new TableCount("Sales-EU", "Order Items", 2),
                    new TableCount("public", "events", 3),
                    new TableCount("public", "events_2025", 1),
                    new TableCount("public", "events_2026", 2),
                    new TableCount("public", "items", 1000));
        }
    }

    @Test
    void listsTheOtherSessionsOnADatabase(PostgresDatabase db) throws SQLException {
        try (Connection app = PgTestSupport.session(db, "shop-backend"); Connection c = db.connect()) {
            assertThat(app.isValid(1)).isTrue();
            assertThat(PostgresInspector.otherSessions(c, db.name())).singleElement().satisfies(session -> {
                assertThat(session.applicationName()).isEqualTo("shop-backend");
                assertThat(session.user()).isEqualTo("postgres");
                assertThat(session.clientAddress()).isIn("127.0.0.1", "::1");
                assertThat(session.describe()).startsWith("'shop-backend' (user postgres from ");
            });
            assertThat(PostgresInspector.serverVersion(c)).startsWith("15.");
            assertThat(PostgresInspector.serverMajor(c)).isEqualTo(15);
        }
    }

    private static SchemaVersion schemaVersion(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PostgresInspector.schemaVersion(c);
        }
    }
}
