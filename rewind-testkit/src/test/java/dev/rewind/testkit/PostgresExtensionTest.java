package dev.rewind.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {

    @Test
    void givesEachParameterAFreshDatabaseOnOneServer(PostgresDatabase first, PostgresDatabase second) {
        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(first.port()).isEqualTo(second.port());

        first.execute("CREATE TABLE t(x int); INSERT INTO t VALUES (1)");
        assertThat(first.queryValue("SELECT count(*) FROM t")).isEqualTo(1L);
        assertThat(second.queryValue("SELECT count(*) FROM pg_tables WHERE tablename = 't'")).isEqualTo(0L);
    }

    @Test
    void serverIsPostgres15(PostgresDatabase db) {
        assertThat((String) db.queryValue("SHOW server_version")).startsWith("15.");
    }
}
