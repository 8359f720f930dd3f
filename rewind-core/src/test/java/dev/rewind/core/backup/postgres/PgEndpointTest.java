package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.config.PostgresUrl;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PgEndpointTest {

    @Test
    void keepsThePasswordOffTheCommandLine() {
        PgEndpoint endpoint = PgEndpoint.of(PostgresUrl.parse(
                "postgresql://shop:p%40ss%3Aw%2Frd@db.example.com:6432/Shop-Live?sslmode=require"));

        assertThat(endpoint.conninfo()).isEqualTo("host='db.example.com' port='6432' user='shop'"
                + " dbname='Shop-Live' sslmode='require'");
        assertThat(endpoint.childEnvironment()).isEqualTo(Map.of("PGPASSWORD", "p@ss:w/rd"));
        assertThat(endpoint.toString()).doesNotContain("p%40ss").contains("shop:***@");
        assertThat(endpoint.withDatabase("it's").conninfo()).contains("dbname='it\\'s'");
    }

    @Test
    void connectsToDatabasesWhoseNamesNeedQuoting(PostgresDatabase db) throws SQLException {
        String name = PgTestSupport.unique("Odd Name-ü");
        PgTestSupport.admin(db).execute("CREATE DATABASE " + Sql.ident(name));
        PostgresUrl url = PostgresUrl.parse("postgresql://postgres@localhost:" + db.port() + "/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));

        try (Connection c = PgEndpoint.of(url).connect()) {
            assertThat(Sql.queryOne(c, "SELECT current_database()", row -> row.getString(1))).contains(name);
        }
    }
}
