package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

    @Test
    void namesTheShadowKeptAndCloneDatabases() {
        assertThat(DatabaseNames.shadow("shop", "run-20261121-093015-K3F9"))
                .isEqualTo("shop__rewind_shadow_run_20261121_093015_k3f9");
        assertThat(DatabaseNames.kept("shop", "run-20261121-093015-k3f9"))
                .isEqualTo("shop__rewind_run_20261121_093015_k3f9");
        assertThat(DatabaseNames.cloneBackup("shop", "bak-20261121-093015-k3f9"))
                .isEqualTo("shop__rewind_bak_20261121_093015_k3f9");
        assertThat(DatabaseNames.isShadow("shop__rewind_shadow_run_20261121_093015_k3f9")).isTrue();
        assertThat(DatabaseNames.isShadow("shop__rewind_run_20261121_093015_k3f9")).isFalse();
        assertThat(DatabaseNames.isShadow("shop")).isFalse();
    }

    @Test
    void shortensLongNamesDeterministicallyInsteadOfLettingPostgresTruncate() {
        String longName = "shop_production_primary_database_for_the_eu_region";
        String shadow = DatabaseNames.shadow(longName, "run-20261121-093015-k3f9");

        assertThat(bytes(shadow)).isLessThanOrEqualTo(63);
        assertThat(shadow).isEqualTo(DatabaseNames.shadow(longName, "run-20261121-093015-k3f9"))
                .startsWith("shop_producti").endsWith("__rewind_shadow_run_20261121_093015_k3f9")
                .matches(".*_[0-9a-f]{8}__rewind_shadow_.*");
        assertThat(DatabaseNames.isShadow(shadow)).isTrue();
        assertThat(DatabaseNames.shadow(longName + "_2", "run-20261121-093015-k3f9")).isNotEqualTo(shadow);
    }

    @Test
    void namesAStandbyAfterItsSetWithinPostgresLimit() {
        String longName = "shop_production_primary_database_for_the_eu_region";
        String standby = DatabaseNames.standby(longName, "bak-20261121-093015-k3f9");

        assertThat(DatabaseNames.standby("shop", "bak-20261121-093015-K3F9"))
                .isEqualTo("shop__rewind_standby_20261121_093015_k3f9");
        assertThat(bytes(standby)).isLessThanOrEqualTo(63);
        assertThat(standby).endsWith("__rewind_standby_20261121_093015_k3f9");
        assertThat(DatabaseNames.belongsTo(longName, standby)).isTrue();
        assertThat(DatabaseNames.isStandby(standby)).isTrue();
        assertThat(DatabaseNames.isShadow(standby) || DatabaseNames.isCloneBackup(standby)).isFalse();
        assertThat(DatabaseNames.isStandby(DatabaseNames.kept("shop", "run-20261121-093015-k3f9"))).isFalse();
    }

    @Test
    void recognisesOnlyTheNamesItMadeForADatabase() {
        String longName = "shop_production_primary_database_for_the_eu_region";
        assertThat(DatabaseNames.belongsTo("shop", DatabaseNames.kept("shop", "run-20261121-093015-k3f9"))).isTrue();
        assertThat(DatabaseNames.belongsTo("shop", DatabaseNames.cloneBackup("shop", "bak-20261121-093015-k3f9")))
                .isTrue();
        assertThat(DatabaseNames.belongsTo(longName, DatabaseNames.kept(longName, "run-20261121-093015-k3f9")))
                .isTrue();
        assertThat(DatabaseNames.belongsTo("shop", "shop")).isFalse();
        assertThat(DatabaseNames.belongsTo("shop", "shopping__rewind_run_20261121_093015_k3f9")).isFalse();
        assertThat(DatabaseNames.belongsTo("shop", "shop__rewind_Run-1")).isFalse();
        assertThat(DatabaseNames.belongsTo(longName + "_2", DatabaseNames.kept(longName, "run-20261121-093015-k3f9")))
                .isFalse();
        assertThat(DatabaseNames.isCloneBackup(DatabaseNames.cloneBackup("shop", "bak-20261121-093015-k3f9")))
                .isTrue();
    }

    @Test
    void neverSplitsAMultiByteCharacter() {
        String name = DatabaseNames.kept("ü".repeat(40), "run-20261121-093015-k3f9");

        assertThat(bytes(name)).isLessThanOrEqualTo(63);
        assertThat(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(name);
        assertThat(name).startsWith("üü").doesNotContain("\uFFFD");
    }

    @Test
    void rejectsIdsThatCannotMakeAName() {
        assertThatThrownBy(() -> DatabaseNames.shadow("shop", "run 1; DROP"))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("'run 1; DROP'")
                .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.USAGE));
        assertThatThrownBy(() -> DatabaseNames.shadow("shop", "run-" + "x".repeat(60)))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("too long");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
