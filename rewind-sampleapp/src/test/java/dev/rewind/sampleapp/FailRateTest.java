package dev.rewind.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailRateTest {

    private static long failuresIn(int requests, double rate) {
        FailRate failRate = new FailRate(rate);
        return IntStream.range(0, requests).filter(i -> failRate.nextFails()).count();
    }

    @Test
    void failsExactlyTheShareAsked() {
        assertThat(failuresIn(10, 0.3)).isEqualTo(3);
        assertThat(failuresIn(10, 0.5)).isEqualTo(5);
        assertThat(failuresIn(1000, 0.07)).isEqualTo(70);
        assertThat(failuresIn(10, 0)).isZero();
        assertThat(failuresIn(10, 1)).isEqualTo(10);
    }

    @Test
    void spreadsFailuresEvenly() {
        FailRate half = new FailRate(0.5);
        assertThat(IntStream.range(0, 4).mapToObj(i -> half.nextFails())).containsExactly(false, true, false, true);
        assertThat(new FailRate(0.3).describe()).isEqualTo("0.3");
        assertThat(new FailRate(1).describe()).isEqualTo("1");
    }
}
