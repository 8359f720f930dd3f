package dev.rewind.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the throttle remembers: at most {@link LoginThrottle#MAX_ADDRESSES} addresses, swept once a minute. */
class LoginThrottleTest {

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aNewAddressBeyondTheCapIsNotCountedUntilASweepMakesRoom() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESSES; i++) {
            throttle.failed("spray-" + i);
        }

        failFiveTimes("192.0.2.7");
        assertThat(throttle.retryAfter("192.0.2.7")).as("not remembered: the map is full").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        failFiveTimes("192.0.2.7");
        assertThat(throttle.retryAfter("192.0.2.7")).as("the sweep forgot the others").contains(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter("spray-0")).isEmpty();
    }

    private void failFiveTimes(String address) {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed(address);
        }
    }
}
