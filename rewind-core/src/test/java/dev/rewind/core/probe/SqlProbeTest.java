package dev.rewind.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.PostgresUrl;
import dev.rewind.core.config.ProbeConfig;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class SqlProbeTest {

    @TempDir
    Path dir;

    @Test
    void aTrueAnswerPasses(PostgresDatabase db) {
        db.execute("CREATE TABLE items (id int); INSERT INTO items VALUES (1)");

        ProbeResult result = check(db.url(), "SELECT count(*) > 0 FROM items");

        assertThat(result.ok()).as(result.reason()).isTrue();
        assertThat(result.kind()).isEqualTo("sql");
        assertThat(result.probe()).isEqualTo("db: SELECT count(*) > 0 FROM items");
    }

    @Test
    void aFalseAnswerSaysSo(PostgresDatabase db) {
        db.execute("CREATE TABLE items (id int)");

        assertThat(check(db.url(), "SELECT count(*) > 0 FROM items").reason()).isEqualTo("query returned false");
        assertThat(check(db.url(), "SELECT NULL::boolean").reason()).isEqualTo("query returned null");
    }

    @Test
    void otherShapesOfAnswerAreDescribed(PostgresDatabase db) {
        assertThat(check(db.url(), "SELECT 'ok'").reason()).isEqualTo("query returned 'ok' (text, expected a boolean true)");
        assertThat(check(db.url(), "SELECT 1 AS a, 2 AS b").reason()).isEqualTo("query returned 2 columns (expected one, true): a = 1, b = 2");
        assertThat(check(db.url(), "SELECT true FROM generate_series(1, 3)").reason())
                .isEqualTo("query returned more than one row (expected one row with true); the first is true");
        assertThat(check(db.url(), "SELECT true WHERE false").reason()).isEqualTo("query returned no rows (expected one row with true)");
    }

    @Test
    void aQueryErrorShowsPostgresMessage(PostgresDatabase db) {
        ProbeResult result = check(db.url(), "SELECT count(*) > 0 FROM nope");

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).isEqualTo("query failed: ERROR: relation \"nope\" does not exist");
    }

    @Test
    void aSlowQueryTimesOut(PostgresDatabase db) {
        var config = new ProbeConfig.Sql("SELECT pg_sleep(5) IS NOT NULL", "db", null, null, Duration.ofSeconds(1));

        ProbeResult result = probes(db.url()).probe("backend", config).check();

        assertThat(result.reason()).isEqualTo("timed out after 1s running the query");
    }

    @Test
    void anUnreachableServerIsAConnectionFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ProbeResult result = check("postgresql://postgres:secret@127.0.0.1:" + port + "/shop", "SELECT true");

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).startsWith("cannot connect to postgresql://postgres:***@127.0.0.1:" + port + "/shop: ")
                .contains("refused")
                .doesNotContain("secret");
    }

    private ProbeResult check(String url, String sql) {
        return probes(url).probe("backend", new ProbeConfig.Sql(sql, "db", null, null, Duration.ofSeconds(5))).check();
    }

    private Probes probes(String url) {
        var datastores = Map.<String, DatastoreConfig>of("db", new DatastoreConfig.Postgres(PostgresUrl.parse(url), null));
        return Probes.of(ProbeFixtures.environment(Map.of(), datastores), dir);
    }
}
