package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.store.Hold;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.StateStore;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class StatusAndReleasesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private String config;
    private final CliRunner cli = new CliRunner();

    @BeforeEach
    void exampleProject() {
        config = dir.resolve("rewind.yaml").toString();
        assertThat(cli.run("init", "--example", "-c", config).exitCode()).isZero();
    }

    @Test
    void releasesListsTheHistoryNewestFirst() throws Exception {
        record(new Release("rel-1", "production", "v1", Map.of("backend", "v1"), "ana", T0, "1", ReleaseStatus.SUPERSEDED, "bak-1", null),
                new Release("rel-2", "production", "v2", Map.of("backend", "v2"), "bob", T0.plus(Duration.ofHours(1)), "2", ReleaseStatus.LIVE, null, null));

        ProcessResult text = cli.run("releases", "production", "-c", config);
        ProcessResult json = cli.run("releases", "production", "--json", "-c", config);

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).isEqualTo("""
                VERSION  STATUS      DEPLOYED                 BY   BACKUP  ID
                v2       live        2026-11-20 11:00:00 UTC  bob  -       rel-2
                v1       superseded  2026-11-20 10:00:00 UTC  ana  bak-1   rel-1
                """);
        JsonNode releases = Json.mapper().readTree(json.stdout()).get("releases");
        assertThat(releases).hasSize(2);
        assertThat(releases.get(0).get("version").asText()).isEqualTo("v2");
        assertThat(releases.get(0).get("status").asText()).isEqualTo("live");
        assertThat(releases.get(0).get("deployed_at").asText()).isEqualTo("2026-11-20T11:00:00Z");
        assertThat(releases.get(1).get("backup_id").asText()).isEqualTo("bak-1");
        assertThat(releases.get(0).get("artifacts").get("backend").asText()).isEqualTo("v2");
    }

    @Test
    void statusShowsLiveReleaseAndHolds() throws Exception {
        record(new Release("rel-1", "production", "v1", Map.of(), "ana", T0, null, ReleaseStatus.LIVE, null, null));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (StateStore store = StateStore.open(".rewind/state.db", dir)) {
            store.insertHold(new Hold(Ids.hold(), "production", "hotfix in progress", "ana", now, now.plus(Duration.ofMinutes(15)), null, null));
        }

        ProcessResult text = cli.run("status", "-c", config);
        ProcessResult json = cli.run("status", "production", "--json", "-c", config);

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).contains("production\n  live      v1 (rel-1) deployed 2026-11-20 10:00:00 UTC by ana\n")
                .contains("by ana: hotfix in progress")
                .contains("staging\n  live      none recorded\n");
        JsonNode env = Json.mapper().readTree(json.stdout()).get("environments").get(0);
        assertThat(env.get("environment").asText()).isEqualTo("production");
        assertThat(env.get("live").get("version").asText()).isEqualTo("v1");
        assertThat(env.get("release_count").asInt()).isEqualTo(1);
        assertThat(env.get("last_decision").isNull()).isTrue();
        assertThat(env.get("runs_in_flight")).isEmpty();
        assertThat(env.get("active_holds").get(0).get("reason").asText()).isEqualTo("hotfix in progress");
    }

    @Test
    void anUnknownEnvironmentIsAUsageErrorWithASuggestion() {
        ProcessResult result = cli.run("releases", "prodution", "-c", config);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("unknown environment 'prodution'", "did you mean `production`?");
    }

    @Test
    void statusWorksOnAPostgresStateStore(PostgresDatabase db) throws Exception {
        Path yaml = Path.of(config);
        Files.writeString(yaml, Files.readString(yaml).replace("state: .rewind/state.db", "state: " + db.url()));
        try (StateStore store = StateStore.open(db.url(), dir)) {
            store.insertRelease(new Release("rel-9", "staging", "v9", Map.of(), "ci", T0, null, ReleaseStatus.LIVE, null, null));
        }

        ProcessResult result = cli.run("status", "staging", "--json", "-c", config);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Json.mapper().readTree(result.stdout()).get("environments").get(0).get("live").get("id").asText()).isEqualTo("rel-9");
        assertThat(dir.resolve(".rewind/state.db")).doesNotExist();
    }

    private void record(Release... releases) {
        try (StateStore store = StateStore.open(".rewind/state.db", dir)) {
            for (Release r : releases) {
                store.insertRelease(r);
            }
        }
    }
}
