package dev.rewind.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The migrator on its own, against a real database. */
@ExtendWith(PostgresExtension.class)
class MigratorTest {

    @Test
    void appliesOnlyWhatIsMissingAndIgnoresNewerHistory(PostgresDatabase db) throws SQLException {
        Migrator migrator = new Migrator(new Database(db.jdbcUrl(), "test"));
        assertThat(migrator.migrate(Migration.upTo(2))).containsExactly(1, 2);
        db.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success)"
                + " VALUES (3, '4', 'from the future', 'SQL', 'V4__future.sql', 1, 'someone', 0, true)");
        db.execute("ALTER TABLE items ADD COLUMN future_column int");

        assertThat(migrator.migrate(Migration.upTo(1))).isEmpty();
        assertThat(migrator.migrate(Migration.upTo(2))).isEmpty();
        assertThat(migrator.migrate(Migration.upTo(3))).containsExactly(3);
        assertThat(db.queryValue("SELECT version FROM flyway_schema_history WHERE installed_rank = 4")).isEqualTo("3");
    }

    @Test
    void aFailingMigrationIsRolledBackAndNotRecorded(PostgresDatabase db) throws SQLException {
        Migrator migrator = new Migrator(new Database(db.jdbcUrl(), "test"));
        migrator.migrate(Migration.upTo(1));
        db.execute("ALTER TABLE items ADD COLUMN note text");

        assertThatThrownBy(() -> migrator.migrate(Migration.upTo(2)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("migration V2__add_note_to_items.sql failed and was rolled back")
                .hasMessageContaining("already exists");
        assertThat(db.queryValue("SELECT max(installed_rank) FROM flyway_schema_history")).isEqualTo(1);
    }
}
