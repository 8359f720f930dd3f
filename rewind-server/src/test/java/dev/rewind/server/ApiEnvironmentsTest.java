package dev.rewind.server;

import static dev.rewind.server.ApiAuthTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.workflow.EnvironmentLock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/environments…}: views, releases, runs, holds and what a rollback request must carry. */
class ApiEnvironmentsTest {

    @TempDir
    Path dir;

    private TestServer api;

    @BeforeEach
    void start() {
        api = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theEnvironmentsWithTheirStatusConfirmationAndHealth() {
        JsonNode all = json(api.get("/api/environments", api.viewer));

        assertThat(all.get("project").asText()).isEqualTo("shop");
        assertThat(all.get("environments")).extracting(e -> e.get("environment").asText() + " " + e.get("confirm"))
                .containsExactly("production true", "staging false");
        assertThat(all.get("environments").get(0).fieldNames()).toIterable().containsExactly("environment", "live",
                "release_count", "last_decision", "runs_in_flight", "interrupted_runs", "active_holds", "confirm", "health");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !json(api.get("/api/environments/production", api.viewer)).at("/health/checked_at").isNull());
        JsonNode health = json(api.get("/api/environments/production", api.viewer)).get("health");
        assertThat(health.get("healthy").asBoolean()).isTrue();
        assertThat(health.get("probes")).extracting(p -> p.get("probe").asText() + " " + p.get("ok"))
                .containsExactly("alive true");
    }

    @Test
    void anUnknownEnvironmentIs404NamingTheKnownOnes() {
        for (HttpResponse<String> response : List.of(api.get("/api/environments/prod", api.viewer),
                api.get("/api/environments/prod/releases", api.viewer), api.get("/api/environments/prod/runs", api.viewer),
                api.post("/api/environments/prod/rollback", api.operator, "{\"confirm\":\"prod\"}"),
                api.post("/api/environments/prod/hold", api.operator, "{\"release\":true}"))) {
            assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(404);
            assertThat(json(response).get("error").asText()).isEqualTo("not_found");
            assertThat(json(response).get("message").asText()).contains("unknown environment 'prod'", "production");
        }
    }

    @Test
    void releasesAndRunsAreTheCliResults() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Release release = new Release(Ids.release(), "staging", "v1", Map.of("backend", "v1"), "ana", now, null,
                ReleaseStatus.LIVE, null, null);
        api.rewind.store().insertRelease(release);
        Run run = new Run(Ids.run(), "staging", RunKind.ROLLBACK, RunStatus.FAILED, "ana", now, now, null, null, null,
                null, "step 'prepare' failed");
        api.rewind.store().insertRun(run);

        JsonNode releases = json(api.get("/api/environments/staging/releases", api.viewer));
        JsonNode runs = json(api.get("/api/environments/staging/runs", api.viewer));

        assertThat(releases.get("environment").asText()).isEqualTo("staging");
        assertThat(releases.at("/releases/0/id").asText()).isEqualTo(release.id());
        assertThat(releases.at("/releases/0/status").asText()).isEqualTo("live");
        assertThat(runs.at("/runs/0/id").asText()).isEqualTo(run.id());
        assertThat(runs.at("/runs/0/error").asText()).isEqualTo("step 'prepare' failed");
        assertThat(json(api.get("/api/environments/staging", api.viewer)).get("release_count").asInt()).isEqualTo(1);
    }

    @Test
    void aHoldIsPlacedAndReleasedInTheTokensName() {
        HttpResponse<String> placed = api.post("/api/environments/production/hold", api.operator,
                "{\"for\":\"15m\",\"reason\":\"hotfix in progress\"}");
        JsonNode active = json(api.get("/api/environments/production", api.viewer)).get("active_holds");
        HttpResponse<String> released = api.post("/api/environments/production/hold", api.operator, "{\"release\":true}");

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        assertThat(json(placed).at("/changed/0/created_by").asText()).isEqualTo("token:alice");
        assertThat(active).extracting(h -> h.get("reason").asText()).containsExactly("hotfix in progress");
        assertThat(json(released).get("released").asBoolean()).isTrue();
        assertThat(json(released).get("active")).isEmpty();
        assertThat(api.rewind.store().events("production", 10)).extracting(Event::action, Event::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hold.released", "token:alice"),
                        org.assertj.core.groups.Tuple.tuple("hold.placed", "token:alice"));
    }

    @Test
    void aBadHoldIs400SayingWhatIsMissing() {
        assertBadRequest(api.post("/api/environments/staging/hold", api.operator, "{\"for\":\"15m\"}"),
                "a hold needs \"for\" (e.g. \"15m\") and \"reason\"");
        assertBadRequest(api.post("/api/environments/staging/hold", api.operator, "{\"for\":\"soon\",\"reason\":\"x\"}"),
                "\"for\": bad duration 'soon'");
        assertBadRequest(api.post("/api/environments/staging/hold", api.operator, "{\"duration\":\"15m\"}"),
                "unknown key 'duration' in the body; the keys are for, reason, release");
        assertBadRequest(api.post("/api/environments/staging/hold", api.operator, "15m"),
                "the body is not the JSON object expected");
    }

    @Test
    void aRollbackOfAnEnvironmentThatAsksForConfirmationNeedsItsName() {
        HttpResponse<String> missing = api.post("/api/environments/production/rollback", api.operator,
                "{\"reason\":\"errors\"}");
        HttpResponse<String> wrong = api.post("/api/environments/production/rollback", api.operator,
                "{\"confirm\":\"staging\"}");

        assertBadRequest(missing, "production asks for confirmation (confirm: true): send \"confirm\": \"production\""
                + " in the body to roll it back");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(api.rewind.store().runs("production")).isEmpty();
    }

    @Test
    void aRollbackWithNothingToRollBackToIs409AndStartsNoRun() {
        HttpResponse<String> run = api.post("/api/environments/staging/rollback", api.operator, "{}");
        HttpResponse<String> dryRun = api.post("/api/environments/staging/rollback", api.operator, "{\"dry_run\":true}");

        for (HttpResponse<String> response : List.of(run, dryRun)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(json(response).get("error").asText()).isEqualTo("failed");
            assertThat(json(response).get("message").asText()).contains("no release of staging");
        }
        assertThat(api.rewind.store().runs("staging")).isEmpty();
        assertThat(api.rewind.store().lease("staging")).isEmpty();
    }

    @Test
    void aRollbackBodyWithAnUnknownKeyIs400() {
        assertBadRequest(api.post("/api/environments/staging/rollback", api.operator, "{\"dryRun\":true}"),
                "unknown key 'dryRun' in the body; the keys are confirm, dry_run, only, reason, resume, to");
    }

    @Test
    void aNullBodyOrANullInOnlyIs400() {
        assertBadRequest(api.post("/api/environments/staging/rollback", api.operator, "null"),
                "the body must be a JSON object, e.g. {}");
        assertBadRequest(api.post("/api/environments/staging/hold", api.operator, "null"),
                "the body must be a JSON object, e.g. {}");
        assertBadRequest(api.post("/api/environments/staging/rollback", api.operator, ""),
                "the body must be a JSON object, e.g. {}");
        assertBadRequest(api.post("/api/environments/staging/rollback", api.operator, "{\"only\":[null]}"),
                "\"only\" lists components and datastores by name; null is not one");
    }

    @Test
    void aRunInFlightThatNoLiveLockHoldsIsListedAsInterrupted() {
        Run interrupted = running("staging");
        Run held = running("production");
        try (EnvironmentLock lock = EnvironmentLock.acquire(api.rewind.store(), "production", held.id(),
                "rollback by ana", Clock.systemUTC())) {
            JsonNode environments = json(api.get("/api/environments", api.viewer)).get("environments");

            assertThat(environments.at("/0/runs_in_flight/0/id").asText()).isEqualTo(held.id());
            assertThat(environments.at("/0/interrupted_runs")).isEmpty();
            assertThat(environments.at("/1/runs_in_flight/0/id").asText()).isEqualTo(interrupted.id());
            assertThat(environments.at("/1/interrupted_runs")).extracting(JsonNode::asText)
                    .containsExactly(interrupted.id());
        }
    }

    @Test
    void aRollbackBodyMayNameTheRunToResume() {
        HttpResponse<String> response = api.post("/api/environments/staging/rollback", api.operator,
                "{\"resume\":\"run-nope\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("usage");
        assertThat(json(response).get("message").asText()).startsWith("--resume run-nope: no such run");
    }

    private Run running(String environment) {
        Run run = new Run(Ids.run(), environment, RunKind.ROLLBACK, RunStatus.RUNNING, "ana",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null, null, null, null, null);
        api.rewind.store().insertRun(run);
        return run;
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("bad_request");
        assertThat(json(response).get("message").asText()).contains(message);
    }
}
