package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DatabaseSwapTest {

    private static final String STATE = """
            SELECT pg_get_userbyid(d.datdba) || ' limit ' || d.datconnlimit || ' allow ' || d.datallowconn
                   || ' comment ' || coalesce(shobj_description(d.oid, 'pg_database'), '-')
                   || ' acl ' || (SELECT string_agg(coalesce(pg_get_userbyid(nullif(a.grantee, 0)), 'PUBLIC') || ':'
                                  || a.privilege_type || ':' || a.is_grantable, ',' ORDER BY 1)
                                  FROM aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a)
                   || ' settings ' || coalesce((SELECT string_agg(coalesce(pg_get_userbyid(nullif(s.setrole, 0)),
                                  '*') || '=' || s.setconfig::text, ';' ORDER BY 1)
                                  FROM pg_db_role_setting s WHERE s.setdatabase = d.oid), '-')
            FROM pg_database d WHERE d.datname = '%s'
            """;

    /** A live database with everything that does not travel with a dump, and a shadow with other rows. */
    private record Setup(PostgresDatabase server, PostgresDatabase live, String shadow, String kept, String owner,
                         String reader) {

        static Setup of(PostgresDatabase db, String runId) {
            String owner = PgTestSupport.unique("shop_owner");
            String reader = PgTestSupport.unique("shop_reader");
            PostgresDatabase live = PgTestSupport.create(db, "Shop-Live");
            String name = Sql.ident(live.name());
            PgTestSupport.admin(db).execute("CREATE ROLE " + owner + " LOGIN; CREATE ROLE " + reader + " LOGIN;"
                    + "ALTER DATABASE " + name + " OWNER TO " + owner + ";"
                    + "ALTER DATABASE " + name + " SET statement_timeout = '7s';"
                    + "ALTER DATABASE " + name + " SET work_mem = '12MB';"
                    + "ALTER DATABASE " + name + " SET search_path = \"$user\", public, \"My Schema\";"
                    + "ALTER ROLE " + reader + " IN DATABASE " + name + " SET statement_timeout = '3s';"
                    + "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC;"
                    + "GRANT CONNECT ON DATABASE " + name + " TO " + reader + ";"
                    + "ALTER DATABASE " + name + " CONNECTION LIMIT 50;"
                    + "COMMENT ON DATABASE " + name + " IS 'the shop''s data'");
            live.execute("CREATE TABLE items (v text); INSERT INTO items VALUES ('old'), ('old')");
            String shadow = DatabaseNames.shadow(live.name(), runId);
            PgTestSupport.admin(db).execute("CREATE DATABASE " + Sql.ident(shadow));
            PgTestSupport.on(db, shadow).execute("CREATE TABLE items (v text); INSERT INTO items VALUES ('new')");
            return new Setup(db, live, shadow, DatabaseNames.kept(live.name(), runId), owner, reader);
        }

        String state(String database) {
            return (String) PgTestSupport.admin(server).queryValue(STATE.formatted(database));
        }

        SwapResult swap() {
            return new DatabaseSwap().swap(PgTestSupport.url(live), shadow, kept);
        }

        void assertSwapped(String stateBefore) {
            assertThat(PgTestSupport.count(live, "items WHERE v = 'new'")).isEqualTo(1);
            assertThat(PgTestSupport.count(live, "items")).isEqualTo(1);
            assertThat(PgTestSupport.count(PgTestSupport.on(server, kept), "items WHERE v = 'old'")).isEqualTo(2);
            assertThat(PgTestSupport.exists(server, shadow)).isFalse();
            assertThat(state(live.name())).isEqualTo(stateBefore);
            assertThat(state(kept)).contains(" allow true ");
            PostgresDatabase asReader = new PostgresDatabase(live.host(), live.port(), live.name(), reader);
            assertThat(asReader.queryValue("SHOW statement_timeout")).isEqualTo("3s");
            assertThat(asReader.queryValue("SHOW work_mem")).isEqualTo("12MB");
            assertThat(asReader.queryValue("SHOW search_path")).isEqualTo("\"$user\", public, \"My Schema\"");
            PostgresDatabase asOwner = new PostgresDatabase(live.host(), live.port(), live.name(), owner);
            assertThat(asOwner.queryValue("SHOW statement_timeout")).isEqualTo("7s");
        }
    }

    @Test
    void swapsTheShadowInKeepingTheOldLiveAndEverySetting(PostgresDatabase db) throws Exception {
        Setup setup = Setup.of(db, "run-20261121-093015-sw01");
        String before = setup.state(setup.live().name());
        assertThat(before).contains("shop_owner").contains(setup.reader() + ":CONNECT").doesNotContain("PUBLIC")
                .contains("limit 50").contains("work_mem=12MB").contains("the shop's data");

        SwapResult result;
        try (Connection app = PgTestSupport.session(setup.live(), "shop-backend")) {
            result = setup.swap();
            assertThat(app.isValid(1)).as("the old live's sessions were ended").isFalse();
        }

        System.out.println("swap took " + result.durationMillis() + " ms");
        assertThat(result.keptName()).isEqualTo(setup.kept());
        assertThat(result.durationMillis()).isNotNegative();
        setup.assertSwapped(before);
    }

    @Test
    void finishesASwapThatStoppedBetweenTheRenames(PostgresDatabase db) {
        Setup setup = Setup.of(db, "run-20261121-093015-sw02");
        String before = setup.state(setup.live().name());
        PgTestSupport.admin(db).execute("ALTER DATABASE " + Sql.ident(setup.live().name()) + " RENAME TO "
                + Sql.ident(setup.kept()));

        SwapResult result = setup.swap();

        assertThat(result.keptName()).isEqualTo(setup.kept());
        setup.assertSwapped(before);
    }

    @Test
    void finishesASwapThatStoppedWithLiveRefusingConnections(PostgresDatabase db) {
        Setup setup = Setup.of(db, "run-20261121-093015-sw03");
        String before = setup.state(setup.live().name());
        PgTestSupport.admin(db).execute("ALTER DATABASE " + Sql.ident(setup.live().name())
                + " ALLOW_CONNECTIONS false");

        setup.swap();

        setup.assertSwapped(before);
    }

    @Test
    void swappingTwiceIsHarmless(PostgresDatabase db) {
        Setup setup = Setup.of(db, "run-20261121-093015-sw04");
        String before = setup.state(setup.live().name());
        setup.swap();

        SwapResult again = setup.swap();

        assertThat(again).isEqualTo(new SwapResult(0, setup.kept()));
        setup.assertSwapped(before);
    }

    @Test
    void refusesStatesItCannotFinish(PostgresDatabase db) {
        Setup setup = Setup.of(db, "run-20261121-093015-sw05");
        PgTestSupport.admin(db).execute("CREATE DATABASE " + Sql.ident(setup.kept()));

        assertThatThrownBy(setup::swap)
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("all exist")
                .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.NEEDS_HUMAN));
        assertThatThrownBy(() -> new DatabaseSwap().swap(PgTestSupport.url(setup.live()), setup.shadow() + "x",
                setup.kept() + "x"))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("does not exist\n    fix: restore the backup into it first");
        assertThat(PgTestSupport.count(setup.live(), "items")).isEqualTo(2);
    }
}
