package dev.rewind.core.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a deploy's rollback waits for the standby its deploy is still preparing, while the bad release serves. */
class StandbyWaitLimitTest {

    private static final long GiB = 1L << 30;

    @Test
    void aRollbackWaitedFourteenHoursForTheStandbyOfA50GiBSet() {
        assertThat(RollbackSteps.standbyWaitLimit(50 * GiB)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aSmallSetGetsFiveMinutesPlusItsSizeAt20MiBPerSecond() {
        assertThat(RollbackSteps.standbyWaitLimit(0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RollbackSteps.standbyWaitLimit(10 * GiB)).isEqualTo(Duration.ofMinutes(5).plusSeconds(512));
    }
}
