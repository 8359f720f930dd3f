package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.backup.TableCount;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class ShadowRestoreTest {

    private static final String PATH = PostgresDumpTest.PATH;
    private static final String DATA = """
            CREATE TABLE items (id int PRIMARY KEY, name text);
            INSERT INTO items SELECT i, 'item ' || i FROM generate_series(1, 300) i;
            CREATE SCHEMA audit; CREATE TABLE audit.log (at timestamptz DEFAULT now());
            INSERT INTO audit.log DEFAULT VALUES;
            """;

    @Test
    void restoresACloneBesideLiveAndRedoesAnInterruptedShadow(PostgresDatabase db) {
        db.execute(DATA);
        CloneResult clone = new PostgresClone().backup(PgTestSupport.url(db),
                DatabaseNames.cloneBackup(db.name(), "bak-20261121-093015-eeee"), false);
        db.execute("INSERT INTO items VALUES (301, 'after the backup')");
        String shadow = DatabaseNames.shadow(db.name(), "run-20261121-093015-eeee");
        PgTestSupport.admin(db).execute("CREATE DATABASE " + shadow);
        PgTestSupport.on(db, shadow).execute("CREATE TABLE half_restored (id int)");

        RestoreResult restored = new ShadowRestore(PATH).fromClone(PgTestSupport.url(db), clone.cloneName(), shadow,
                clone.tables());

        assertThat(restored.shadowName()).isEqualTo(shadow);
        assertThat(restored.tables()).isEqualTo(clone.tables());
        assertThat(PgTestSupport.counts(PgTestSupport.on(db, shadow))).isEqualTo(clone.tables());
        assertThat(PgTestSupport.count(db, "items")).as("live untouched").isEqualTo(301);
    }

    @Test
    void aRestoreWhoseCountsDifferNamesEveryMismatch(PostgresDatabase db) {
        db.execute(DATA);
        CloneResult clone = new PostgresClone().backup(PgTestSupport.url(db),
                DatabaseNames.cloneBackup(db.name(), "bak-20261121-093015-ffff"), false);
        List<TableCount> manifest = List.of(new TableCount("audit", "log", 1), new TableCount("public", "items", 299),
                new TableCount("public", "orders", 5));
        String shadow = DatabaseNames.shadow(db.name(), "run-20261121-093015-ffff");

        assertThatThrownBy(() -> new ShadowRestore(PATH).fromClone(PgTestSupport.url(db), clone.cloneName(), shadow,
                manifest))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("does not match the backup's manifest in 2 table(s): public.items: expected"
                        + " 299 rows, found 300; public.orders: missing (expected 5 rows)")
                .hasMessageContaining("the live database was not touched\n    fix: verify the backup");
        assertThat(ShadowRestore.checkCounts(PgTestSupport.url(db), shadow, manifest))
                .containsExactly(new CountMismatch("public", "items", 299, 300L),
                        new CountMismatch("public", "orders", 5, null));
    }

    @Test
    void restoresADumpLikeTheLiveDatabaseKeepingOwnership(PostgresDatabase db, @TempDir Path tmp) {
        String owner = PgTestSupport.unique("shop_owner");
        PgTestSupport.admin(db).execute("CREATE ROLE " + owner + " LOGIN; ALTER DATABASE " + db.name()
                + " OWNER TO " + owner);
        db.execute(DATA + "ALTER TABLE items OWNER TO " + owner + "; GRANT USAGE ON SCHEMA audit TO " + owner);
        DumpResult dump = new PostgresDump(PATH).backup(PgTestSupport.url(db), tmp.resolve("d"), 2, Progress.NONE);
        String shadow = DatabaseNames.shadow(db.name(), "run-20261121-093015-gggg");

        new ShadowRestore(PATH).fromDump(PgTestSupport.url(db), tmp.resolve("d"), shadow, 2, dump.tables());

        PostgresDatabase restored = PgTestSupport.on(db, shadow);
        assertThat(restored.queryValue("SELECT tableowner FROM pg_tables WHERE tablename = 'items'")).isEqualTo(owner);
        assertThat(PgTestSupport.admin(db).queryValue("SELECT pg_get_userbyid(datdba) FROM pg_database"
                + " WHERE datname = '" + shadow + "'")).isEqualTo(owner);
        String layout = "SELECT encoding || datcollate || datctype || dattablespace FROM pg_database WHERE datname = ";
        assertThat(PgTestSupport.admin(db).queryValue(layout + "'" + shadow + "'"))
                .isEqualTo(PgTestSupport.admin(db).queryValue(layout + "'" + db.name() + "'"));
    }

    @Test
    void aFailingPgRestoreShowsItsErrors(PostgresDatabase db, @TempDir Path tmp) throws IOException {
        db.execute(DATA);
        DumpResult dump = new PostgresDump(PATH).backup(PgTestSupport.url(db), tmp.resolve("d"), 1, Progress.NONE);
        try (Stream<Path> files = Files.list(tmp.resolve("d"))) {
            for (Path data : files.filter(f -> f.toString().endsWith(".dat") && !f.endsWith("toc.dat")).toList()) {
                Files.writeString(data, "not\ta\tcopy\trow\n");
            }
        }
        String shadow = DatabaseNames.shadow(db.name(), "run-20261121-093015-hhhh");

        assertThatThrownBy(() -> new ShadowRestore(PATH).fromDump(PgTestSupport.url(db), tmp.resolve("d"), shadow, 1,
                dump.tables()))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("pg_restore of " + tmp.resolve("d") + " into the shadow \"" + shadow + "\"")
                .hasMessageContaining("pg_restore: error:")
                .hasMessageContaining("The live database was not touched");
        assertThat(PgTestSupport.count(db, "items")).isEqualTo(300);
    }

    @Test
    void neverDropsADatabaseThatIsNotAShadow(PostgresDatabase db) {
        db.execute(DATA);
        PostgresDatabase other = PgTestSupport.create(db, "precious");
        other.execute("CREATE TABLE keep (id int)");

        assertThatThrownBy(() -> new ShadowRestore(PATH).fromClone(PgTestSupport.url(db), db.name(), other.name(),
                List.of()))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("\"" + other.name() + "\" is not a shadow database name of");
        assertThat(PgTestSupport.count(other, "keep")).isZero();
    }
}
