package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.SchemaVersion;
import dev.rewind.core.backup.TableCount;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class PostgresCloneTest {

    private static final String DATA = """
            CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, success boolean NOT NULL);
            INSERT INTO flyway_schema_history VALUES (1, true), (2, true);
            CREATE TABLE "Items" (id int PRIMARY KEY); INSERT INTO "Items" SELECT generate_series(1, 500);
            """;

    @Test
    void refusesWhileAnApplicationIsConnectedAndNamesIt(PostgresDatabase db) throws Exception {
        PostgresDatabase live = PgTestSupport.create(db, "Shop-Live");
        live.execute(DATA);
        String clone = DatabaseNames.cloneBackup(live.name(), "bak-20261121-093015-aaaa");

        try (Connection app = PgTestSupport.session(live, "billing-worker");
             Connection app2 = PgTestSupport.session(live, "billing-worker")) {
            assertThatThrownBy(() -> new PostgresClone().backup(PgTestSupport.url(live), clone, false))
                    .isInstanceOf(RewindException.class)
                    .hasMessageContaining("2 session(s) connected to it: 'billing-worker' (user postgres from ")
                    .hasMessageContaining("×2")
                    .hasMessageContaining("\n    fix: stop the components first, or let deploy do it")
                    .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.FAILED));
            assertThat(app.isValid(1)).isTrue();
            assertThat(app2.isValid(1)).isTrue();
        }
        assertThat(PgTestSupport.exists(db, clone)).isFalse();
    }

    @Test
    void terminatesConnectedSessionsWhenAllowed(PostgresDatabase db) throws Exception {
        PostgresDatabase live = PgTestSupport.create(db, "Shop-Live");
        live.execute(DATA);
        String clone = DatabaseNames.cloneBackup(live.name(), "bak-20261121-093015-bbbb");

        CloneResult result;
        try (Connection app = PgTestSupport.session(live, "billing-worker")) {
            result = new PostgresClone().backup(PgTestSupport.url(live), clone, true);
            assertThat(app.isValid(1)).as("the application's session was terminated").isFalse();
        }

        assertThat(result.cloneName()).isEqualTo(clone);
        assertThat(result.serverVersion()).startsWith("15.");
        assertThat(result.schema()).isEqualTo(new SchemaVersion("flyway", "2"));
        assertThat(result.tables()).containsExactly(new TableCount("public", "Items", 500),
                new TableCount("public", "flyway_schema_history", 2));
        assertThat(PgTestSupport.counts(PgTestSupport.on(db, clone))).isEqualTo(result.tables());
        assertThat(PgTestSupport.count(live, "\"Items\"")).isEqualTo(500);
    }

    @Test
    void needsNoClientToolsWhenPgDumpIsMissing(PostgresDatabase db, @TempDir Path noTools) {
        db.execute(DATA);
        assertThatThrownBy(() -> PgTools.find(noTools.toString(), 15))
                .hasMessageStartingWith("pg_dump not found on PATH (" + noTools + ")");

        CloneResult result = new PostgresClone().backup(PgTestSupport.url(db),
                DatabaseNames.cloneBackup(db.name(), "bak-20261121-093015-cccc"), false);

        assertThat(result.tables()).extracting(TableCount::rows).containsExactly(500L, 2L);
    }

    @Test
    void neverOverwritesAnExistingDatabase(PostgresDatabase db) {
        String clone = DatabaseNames.cloneBackup(db.name(), "bak-20261121-093015-dddd");
        PgTestSupport.admin(db).execute("CREATE DATABASE " + clone);
        PgTestSupport.on(db, clone).execute("CREATE TABLE precious (id int); INSERT INTO precious VALUES (1)");

        assertThatThrownBy(() -> new PostgresClone().backup(PgTestSupport.url(db), clone, true))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("\"" + clone + "\": that database already exists");
        assertThat(PgTestSupport.counts(PgTestSupport.on(db, clone)))
                .isEqualTo(List.of(new TableCount("public", "precious", 1)));
    }
}
