package dev.rewind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens and roles: who may call what, how bad tokens are answered and slowed down, and the security headers. */
class ApiAuthTest {

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
    void healthzNeedsNoToken() {
        HttpResponse<String> response = api.get("/healthz", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(json(response)).isEqualTo(Json.readTree("{\"status\":\"ok\",\"version\":\"1.2.3\"}"));
    }

    @Test
    void whoamiNamesTheTokenAndItsRole() {
        assertThat(json(api.get("/api/whoami", api.operator)))
                .isEqualTo(Json.readTree("{\"name\":\"alice\",\"role\":\"operator\"}"));
        assertThat(json(api.get("/api/whoami", api.viewer)).get("role").asText()).isEqualTo("viewer");
        assertThat(TestServer.send(api.request("/api/whoami", null).header("Authorization", "bearer " + api.viewer)
                .build()).statusCode()).as("the scheme in any case").isEqualTo(200);
    }

    @Test
    void noTokenIs401() {
        HttpResponse<String> response = api.get("/api/environments", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(json(response).get("error").asText()).isEqualTo("unauthorized");
        assertThat(json(response).get("message").asText()).contains("Authorization: Bearer", "rewind token create");
    }

    @Test
    void aBadOrRevokedTokenIs401() {
        HttpResponse<String> bad = api.get("/api/environments", api.operator + "x");
        api.rewind.tokens().revoke("alice", "tester");
        HttpResponse<String> revoked = api.get("/api/environments", api.operator);

        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(json(bad).get("message").asText()).isEqualTo("the token is unknown or revoked");
        assertThat(revoked.statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerReadsButCannotRollBackOrHold() {
        HttpResponse<String> read = api.get("/api/environments/staging", api.viewer);
        HttpResponse<String> rollback = api.post("/api/environments/staging/rollback", api.viewer, "{}");
        HttpResponse<String> hold = api.post("/api/environments/staging/hold", api.viewer,
                "{\"for\":\"15m\",\"reason\":\"hotfix\"}");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(rollback.statusCode()).isEqualTo(403);
        assertThat(json(rollback)).isEqualTo(Json.readTree("{\"error\":\"forbidden\",\"message\":"
                + "\"token vera has the role viewer; this needs operator or above\"}"));
        assertThat(hold.statusCode()).isEqualTo(403);
        assertThat(api.rewind.store().activeHolds("staging", java.time.Instant.now())).isEmpty();
    }

    @Test
    void anAdminMayDoWhatAnOperatorMay() {
        HttpResponse<String> hold = api.post("/api/environments/staging/hold", api.admin,
                "{\"for\":\"15m\",\"reason\":\"hotfix\"}");

        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(200);
    }

    @Test
    void repeatedBadTokensFromOneAddressAreRefusedWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/whoami", "rwd_guess" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> sixth = api.get("/api/whoami", "rwd_guess6");

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(json(sixth).get("error").asText()).isEqualTo("too_many_requests");
        assertThat(json(sixth).get("message").asText()).startsWith("too many bad tokens from 127.0.0.1; try again in ");
        assertThat(Integer.parseInt(sixth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 30);
        assertThat(api.get("/healthz", null).statusCode()).isEqualTo(200);
    }

    /** Bad tokens from anyone (behind a proxy: from everyone's address) must not lock operators out mid-incident. */
    @Test
    void aGoodTokenPassesWhileItsAddressIsRefusedForBadOnes() {
        for (int i = 0; i < 6; i++) {
            api.get("/api/whoami", "rwd_guess" + i);
        }

        HttpResponse<String> good = api.get("/api/whoami", api.operator);
        HttpResponse<String> hold = api.post("/api/environments/staging/hold", api.operator,
                "{\"for\":\"15m\",\"reason\":\"incident\"}");
        HttpResponse<String> badAfterGood = api.get("/api/whoami", "rwd_guess7");

        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(200);
        assertThat(badAfterGood.statusCode()).as("a good token resets nothing").isEqualTo(429);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (HttpResponse<String> response : List.of(api.get("/healthz", null), api.get("/api/whoami", null),
                api.get("/api/whoami", api.viewer), api.get("/api/environments/nowhere", api.viewer),
                api.get("/no-such-page", null))) {
            assertSecurityHeaders(response);
        }
        assertThat(api.get("/api/whoami", api.viewer).headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theDashboardsFilesCarryTheSecurityHeadersAndTheirContentType() {
        HttpResponse<String> page = api.get("/", null);
        HttpResponse<String> script = api.get("/app.js", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
        assertSecurityHeaders(page);
        assertSecurityHeaders(script);
    }

    @Test
    void aCrossOriginRequestGetsNoCorsHeaders() {
        for (String path : List.of("/api/whoami", "/healthz", "/")) {
            HttpResponse<String> response = TestServer.send(api.request(path, api.viewer)
                    .header("Origin", "https://elsewhere.example").build());

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).as(path).isEmpty();
        }
        HttpResponse<String> preflight = TestServer.send(api.request("/api/environments/staging/rollback", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization").build());
        assertThat(preflight.headers().map().keySet()).noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("access-control-"));
    }

    @Test
    void anUnknownPathIsAJson404() {
        HttpResponse<String> response = api.get("/no-such-page", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("not_found");
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        String path = response.uri().getPath();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'");
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.readTree(response.body());
    }
}
