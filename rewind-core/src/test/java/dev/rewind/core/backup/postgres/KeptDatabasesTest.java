package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class KeptDatabasesTest {

    @Test
    void listsAndDropsOnlyTheKeptDatabasesOfItsLiveDatabase(PostgresDatabase db) throws Exception {
        PostgresDatabase live = PgTestSupport.create(db, "Shop-Live");
        live.execute("CREATE TABLE items (id int)");
        String kept = DatabaseNames.kept(live.name(), "run-20261121-093015-kd01");
        String clone = DatabaseNames.cloneBackup(live.name(), "bak-20261121-093015-kd01");
        String shadow = DatabaseNames.shadow(live.name(), "run-20261121-093015-kd01");
        for (String name : new String[] {kept, clone, shadow}) {
            PgTestSupport.admin(db).execute("CREATE DATABASE " + Sql.ident(name));
        }
        var url = PgTestSupport.url(live);

        assertThat(KeptDatabases.list(url)).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualTo(kept);
            assertThat(k.createdAt()).isEqualTo(Instant.parse("2026-11-21T09:30:15Z"));
            assertThat(k.sizeBytes()).isPositive();
        });
        assertThatThrownBy(() -> KeptDatabases.drop(url, live.name()))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("Refusing to drop \"" + live.name() + "\"");
        try (Connection salvage = PgTestSupport.session(PgTestSupport.on(db, kept), "salvage")) {
            assertThatThrownBy(() -> KeptDatabases.drop(url, kept))
                    .hasMessageContaining("1 session(s) connected to it: 'salvage'");
            assertThat(salvage.isValid(1)).isTrue();
        }

        KeptDatabases.drop(url, kept);
        KeptDatabases.drop(url, kept);

        assertThat(PgTestSupport.exists(db, kept)).isFalse();
        assertThat(PgTestSupport.exists(db, live.name())).isTrue();
        assertThat(KeptDatabases.list(url)).isEmpty();
    }
}
