package dev.rewind.server;

import static dev.rewind.server.ApiAuthTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.testkit.TestClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the refusal of bad tokens grows and is forgotten, on a clock the test moves. */
class ApiLoginThrottleTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
    private TestServer api;
    private int guesses;

    @BeforeEach
    void start() {
        api = new TestServer(dir, clock);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void eachBadTokenAfterARefusalEndsDoublesTheNextUpTo15Minutes() {
        badTokens(5);

        for (int wait : List.of(30, 60, 120, 240, 480, 900, 900)) {
            HttpResponse<String> refused = guess();
            assertThat(refused.statusCode()).as("refused for %d s", wait).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains(String.valueOf(wait));
            assertThat(json(refused).get("message").asText())
                    .isEqualTo("too many bad tokens from 127.0.0.1; try again in " + wait + " s");
            assertThat(api.get("/api/whoami", api.viewer).statusCode()).as("a good token meanwhile").isEqualTo(200);

            clock.advance(Duration.ofSeconds(wait));
            assertThat(guess().statusCode()).as("the first bad token after the refusal ends").isEqualTo(401);
        }
    }

    @Test
    void anAddressIsForgottenAMinuteAfterItsRefusalEnds() {
        badTokens(5);
        assertThat(guess().headers().firstValue("Retry-After")).contains("30");

        clock.advance(Duration.ofSeconds(30 + 61));

        badTokens(5);
        assertThat(guess().headers().firstValue("Retry-After")).as("counted afresh").contains("30");
    }

    /** {@code count} bad tokens, each answered 401. */
    private void badTokens(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(guess().statusCode()).isEqualTo(401);
        }
    }

    private HttpResponse<String> guess() {
        return api.get("/api/whoami", "rwd_guess" + guesses++);
    }
}
