package dev.rewind.core.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    private static final Path PROJECT = Path.of("/srv/shop");

    @Test
    void aRelativeFileResolvesAgainstTheProject() {
        assertThat(StoreLocation.parse(".rewind/state.db", PROJECT))
                .isEqualTo(new StoreLocation.Sqlite(Path.of("/srv/shop/.rewind/state.db")));
        assertThat(StoreLocation.parse("../shared/state.db", PROJECT))
                .isEqualTo(new StoreLocation.Sqlite(Path.of("/srv/shared/state.db")));
    }

    @Test
    void anAbsoluteFileIsKept() {
        assertThat(StoreLocation.parse("/var/lib/rewind/state.db", PROJECT))
                .isEqualTo(new StoreLocation.Sqlite(Path.of("/var/lib/rewind/state.db")));
    }

    @Test
    void aLibpqUrlBecomesAJdbcUrlWithTimeouts() {
        assertThat(PostgresUrls.toJdbc("postgresql://rewind@db.example.com:5433/state"))
                .isEqualTo("jdbc:postgresql://db.example.com:5433/state?user=rewind&connectTimeout=10"
                        + "&ApplicationName=rewind");
        assertThat(PostgresUrls.toJdbc("postgres://db.example.com/state"))
                .isEqualTo("jdbc:postgresql://db.example.com/state?connectTimeout=10&ApplicationName=rewind");
    }

    @Test
    void passwordsAndParametersAreCarriedOver() {
        assertThat(PostgresUrls.toJdbc("postgresql://rewind:p%40ss+word@db:5432/state?sslmode=require"
                + "&connect_timeout=3&application_name=ops"))
                .isEqualTo("jdbc:postgresql://db:5432/state?user=rewind&password=p%40ss%2Bword&sslmode=require"
                        + "&connectTimeout=3&ApplicationName=ops");
    }

    @Test
    void aJdbcUrlIsKeptAndGetsTimeouts() {
        assertThat(PostgresUrls.toJdbc("jdbc:postgresql://db/state?user=rewind&connectTimeout=2"))
                .isEqualTo("jdbc:postgresql://db/state?user=rewind&connectTimeout=2&ApplicationName=rewind");
        assertThat(PostgresUrls.toJdbc("jdbc:postgresql://db/state"))
                .isEqualTo("jdbc:postgresql://db/state?connectTimeout=10&ApplicationName=rewind");
    }

    @Test
    void passwordsAreMaskedForDisplay() {
        assertThat(PostgresUrls.redact("postgresql://rewind:secret@db:5432/state?sslmode=require"))
                .isEqualTo("postgresql://rewind:***@db:5432/state?sslmode=require");
        assertThat(PostgresUrls.redact("postgresql://rewind@db/state")).isEqualTo("postgresql://rewind@db/state");
        assertThat(PostgresUrls.redact("jdbc:postgresql://db/state?user=rewind&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/state?user=rewind&password=***&ssl=true");
        assertThat(StoreLocation.parse("postgresql://rewind:secret@db/state", PROJECT).toString())
                .doesNotContain("secret");
    }

    @Test
    void aUrlWithoutHostOrDatabaseIsAConfigError() {
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://rewind:secret@db:5432", PROJECT))
                .isInstanceOf(RewindException.class)
                .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.CONFIG))
                .hasMessageContaining("needs a host and a database")
                .message().doesNotContain("secret");
    }

    @Test
    void anEmptyLocationIsAConfigError() {
        assertThatThrownBy(() -> StoreLocation.parse(" ", PROJECT))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("state:");
    }
}
