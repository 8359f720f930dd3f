package dev.rewind.server;

import static dev.rewind.server.ApiAuthTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.workflow.EnvironmentLock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/environments/{env}/deploy}: who may deploy, what the body must carry, a dry run, the lock, and a
 * deploy run in the token's name (the {@code command}-driven environments of {@link TestServer}; a deploy of the
 * sample app on PostgreSQL is in rewind-cli's ServeApiEndToEndTest).
 */
class ApiDeployTest {

    private static final String STAGING = "/api/environments/staging/deploy";

    @TempDir
    Path dir;

    private TestServer api;
    private StateStore store;

    @BeforeEach
    void start() {
        api = new TestServer(dir);
        store = api.rewind.store();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aDeployStartsInTheBackgroundInTheTokensNameAndGoesLive() {
        HttpResponse<String> started = api.post(STAGING, api.operator, "{\"version\":\"v2\",\"watch\":\"0s\"}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = json(started).get("run_id").asText();
        assertThat(json(started).get("environment").asText()).isEqualTo("staging");
        assertThat(json(started).get("events").asText()).isEqualTo("/api/runs/" + runId + "/events");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.run(runId).orElseThrow().status() != RunStatus.RUNNING);
        assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(store.run(runId).orElseThrow().actor()).isEqualTo("token:alice");
        assertThat(store.liveRelease("staging")).get().extracting(Release::version).isEqualTo("v2");
        assertThat(store.events("staging", 10)).extracting(Event::action, Event::actor).contains(
                tuple("deploy.started", "token:alice"), tuple("deploy.completed", "token:alice"));
    }

    @Test
    void aViewerCannotDeployAndNoTokenIs401() {
        HttpResponse<String> viewer = api.post(STAGING, api.viewer, "{\"version\":\"v2\"}");
        HttpResponse<String> anonymous = api.post(STAGING, null, "{\"version\":\"v2\"}");

        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(json(viewer).get("message").asText())
                .isEqualTo("token vera has the role viewer; this needs operator or above");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(store.runs("staging")).isEmpty();
    }

    @Test
    void aDeployOfAnUnknownEnvironmentIs404() {
        HttpResponse<String> response = api.post("/api/environments/prod/deploy", api.operator, "{\"version\":\"v2\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("message").asText()).contains("unknown environment 'prod'", "production");
    }

    @Test
    void aBadDeployBodyIs400SayingWhatIsWrong() {
        assertBadRequest(api.post(STAGING, api.operator, "{\"watch\":\"0s\"}"),
                "a deploy needs \"version\" (e.g. \"v2\"), or \"resume\" naming the deploy run to resume");
        assertBadRequest(api.post(STAGING, api.operator, "{\"version\":\"v2\",\"watch\":\"soon\"}"),
                "\"watch\": bad duration 'soon'");
        assertBadRequest(api.post(STAGING, api.operator, "{\"version\":\"v2\",\"no_auto_rollback\":true}"),
                "unknown key 'no_auto_rollback' in the body; the keys are auto_rollback, confirm, dry_run, resume,"
                        + " version, watch");
        assertBadRequest(api.post(STAGING, api.operator, "{\"version\":\"v2\",\"confirm\":\"production\"}"),
                "\"confirm\" is 'production', not staging");
        assertThat(store.runs("staging")).isEmpty();
    }

    /** As {@code rewind deploy}, which never asks; the dry run plans and changes nothing. */
    @Test
    void aDeployNeedsNoConfirmationAndItsDryRunChangesNothing() {
        HttpResponse<String> plan = api.post("/api/environments/production/deploy", api.operator,
                "{\"version\":\"v2\",\"dry_run\":true}");

        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        JsonNode json = json(plan);
        assertThat(json.get("status").asText()).isEqualTo("planned");
        assertThat(json.get("version").asText()).isEqualTo("v2");
        assertThat(json.get("planned_steps").fieldNames()).toIterable().contains("preflight", "activate backend");
        assertThat(store.runs("production")).isEmpty();
        assertThat(store.releases("production")).isEmpty();
        assertThat(store.lease("production")).isEmpty();
    }

    @Test
    void aDeployWhileAnotherRunHoldsTheLockIs409NamingIt() {
        String holder = Ids.run();
        try (EnvironmentLock lock = EnvironmentLock.acquire(store, "staging", holder, "rollback by ana",
                Clock.systemUTC())) {
            HttpResponse<String> refused = api.post(STAGING, api.operator, "{\"version\":\"v2\",\"watch\":\"0s\"}");

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(json(refused).get("error").asText()).isEqualTo("locked");
            assertThat(json(refused).get("message").asText())
                    .contains("environment staging is locked by run " + holder + " (rollback by ana");
        }
        assertThat(store.runs("staging")).isEmpty();
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("bad_request");
        assertThat(json(response).get("message").asText()).contains(message);
    }
}
