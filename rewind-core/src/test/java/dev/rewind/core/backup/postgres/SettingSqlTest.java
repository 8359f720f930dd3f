package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingSqlTest {

    @Test
    void splitsQuotedListsLikePostgres() {
        assertThat(SettingSql.split("\"$user\", public, \"My \"\"Schema\"\"\"")).containsExactly(
                "$user", "public", "My \"Schema\"");
        assertThat(SettingSql.split("")).isEmpty();
    }

    @Test
    void rebuildsTheSetClause() {
        assertThat(SettingSql.setClause("work_mem=8MB")).isEqualTo("SET \"work_mem\" = '8MB'");
        assertThat(SettingSql.setClause("search_path=\"$user\", public"))
                .isEqualTo("SET \"search_path\" = '$user', 'public'");
        assertThat(SettingSql.setClause("DateStyle=iso, mdy")).isEqualTo("SET \"DateStyle\" = 'iso, mdy'");
        assertThat(SettingSql.setClause("app.note=it's a\\b")).isEqualTo("SET \"app.note\" = E'it''s a\\\\b'");
    }
}
