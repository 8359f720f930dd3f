package dev.rewind.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void decodesCredentialsAndParametersIntoJdbcForm() {
        PostgresUrl url = PostgresUrl.parse("postgresql://shop:p%40ss%3Aw0rd@db.internal:6432/my%20shop?sslmode=require&application_name=api");

        assertThat(url.password()).isEqualTo("p@ss:w0rd");
        assertThat(url.params()).containsExactly(
                Map.entry("sslmode", "require"), Map.entry("application_name", "api"));
        assertThat(url.jdbcUrl(url.database())).isEqualTo("jdbc:postgresql://db.internal:6432/my%20shop");
        assertThat(url.jdbcProperties()).containsEntry("user", "shop").containsEntry("password", "p@ss:w0rd")
                .containsEntry("sslmode", "require").containsEntry("ApplicationName", "api");
        assertThat(url.toString()).doesNotContain("p%40ss");
    }

    @Test
    void withoutCredentialsOrParametersThereIsNothingToAdd() {
        PostgresUrl url = PostgresUrl.parse("postgres://localhost/shop");

        assertThat(url.password()).isNull();
        assertThat(url.params()).isEmpty();
        assertThat(url.jdbcProperties()).isEmpty();
        assertThat(url.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
    }
}
