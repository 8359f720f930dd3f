package dev.rewind.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each version migrates the schema to min(major, 3) at start; older versions keep working on newer schemas. */
@ExtendWith(PostgresExtension.class)
class MigrationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Object schemaVersion(PostgresDatabase db) {
        return db.queryValue("SELECT max(installed_rank) FROM flyway_schema_history");
    }

    private static boolean hasNoteColumn(PostgresDatabase db) {
        return (Boolean) db.queryValue("SELECT EXISTS (SELECT 1 FROM information_schema.columns"
                + " WHERE table_name = 'items' AND column_name = 'note')");
    }

    @Test
    void upgradesStepByStepAndAnOlderVersionStillServesOnANewerSchema(PostgresDatabase db) throws Exception {
        try (RunningApp v1 = RunningApp.start("--version", "v1", "--db", db.jdbcUrl())) {
            assertThat(schemaVersion(db)).isEqualTo(1);
            assertThat(hasNoteColumn(db)).isFalse();
            JsonNode item = JSON.readTree(v1.post("/api/items", "{\"name\":\"one\",\"body\":\"from v1\"}").body());
            assertThat(item.has("note")).isFalse();
        }
        try (RunningApp v2 = RunningApp.start("--version", "v2", "--db", db.jdbcUrl())) {
            assertThat(schemaVersion(db)).isEqualTo(2);
            assertThat(hasNoteColumn(db)).isTrue();
            JsonNode items = JSON.readTree(v2.get("/api/items").body());
            assertThat(items).hasSize(1);
            assertThat(items.get(0).has("note")).isTrue();
            assertThat(items.get(0).get("note").isNull()).isTrue();
        }
        try (RunningApp v1Again = RunningApp.start("--version", "v1", "--db", db.jdbcUrl())) {
            HttpResponse<String> created = v1Again.post("/api/items", "{\"name\":\"two\",\"body\":\"v1 again\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(JSON.readTree(v1Again.get("/api/items").body())).hasSize(2);
            JsonNode health = JSON.readTree(v1Again.get("/health").body());
            assertThat(health.path("status").asText()).isEqualTo("ok");
            assertThat(health.path("components").path("migrations").path("applied").asInt()).isEqualTo(2);
            assertThat(health.path("components").path("migrations").path("critical_pending").asInt()).isZero();
            assertThat(schemaVersion(db)).isEqualTo(2);
        }
    }

    @Test
    void recordsEachMigrationTheWayFlywayDoes(PostgresDatabase db) throws Exception {
        try (RunningApp v7 = RunningApp.start("--version", "7.0.1", "--db", db.jdbcUrl())) {
            assertThat(schemaVersion(db)).as("no migration past 3 exists").isEqualTo(3);
            assertThat(v7.get("/health").statusCode()).isEqualTo(200);
        }
        assertThat(db.queryValue("SELECT string_agg(installed_rank || ':' || version || ':' || script || ':'"
                + " || type || ':' || success, ',' ORDER BY installed_rank) FROM flyway_schema_history"))
                .isEqualTo("1:1:V1__create_items.sql:SQL:true,2:2:V2__add_note_to_items.sql:SQL:true,"
                        + "3:3:V3__index_items_by_created_at.sql:SQL:true");
        assertThat(db.queryValue("SELECT count(*) FROM flyway_schema_history WHERE installed_by = 'postgres'"
                + " AND checksum IS NOT NULL AND execution_time >= 0 AND installed_on IS NOT NULL")).isEqualTo(3L);
        assertThat(db.queryValue("SELECT count(*) FROM pg_indexes WHERE indexname = 'items_created_at_idx'"))
                .isEqualTo(1L);
    }
}
