package dev.rewind.sampleapp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which /api requests fail for {@code --fail-rate}: request n fails when floor(n*rate) > floor((n-1)*rate),
 * so after n requests exactly floor(n*rate) have failed. Deterministic, so tests can count exactly.
 */
public final class FailRate {

    private final BigDecimal rate;
    private final AtomicLong requests = new AtomicLong();

    public FailRate(double rate) {
        this.rate = BigDecimal.valueOf(rate);
    }

    /** Counts one request and says whether it should fail. */
    public boolean nextFails() {
        long n = requests.incrementAndGet();
        return failuresAfter(n) > failuresAfter(n - 1);
    }

    private long failuresAfter(long n) {
        return rate.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** The rate as given on the command line: {@code 0.3}, {@code 1}. */
    public String describe() {
        return rate.stripTrailingZeros().toPlainString();
    }
}
