package dev.rewind.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down token guessing: it is asked about bad tokens only, so a good token is never refused. After
 * {@value #FREE_FAILURES} bad tokens from one address, each within a minute of the one before, the address's bad
 * tokens are refused for 30 s, then twice as long after each further bad token, up to 15 min. An address is
 * forgotten a minute after its last refusal ends. Forgotten addresses are swept out at most once a minute, and about
 * {@value #MAX_ADDRESSES} addresses are remembered at most: beyond that, a new address is not counted until a sweep
 * makes room.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int MAX_ADDRESSES = 10_000;
    private static final Duration FIRST_BLOCK = Duration.ofSeconds(30);
    private static final Duration LONGEST_BLOCK = Duration.ofMinutes(15);
    private static final Duration MEMORY = Duration.ofMinutes(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;
    private Instant nextSweep;

    LoginThrottle(Clock clock) {
        this.clock = clock;
        this.nextSweep = clock.instant().plus(SWEEP_EVERY);
    }

    /** How long the address must still wait, when its bad tokens are refused now. */
    Optional<Duration> retryAfter(String address) {
        Failures failures = byAddress.get(address);
        Instant now = clock.instant();
        return failures == null || !failures.blockedUntil().isAfter(now) ? Optional.empty()
                : Optional.of(Duration.between(now, failures.blockedUntil()));
    }

    /** Counts a bad token from the address. */
    void failed(String address) {
        Instant now = clock.instant();
        sweepIfDue(now);
        if (byAddress.size() >= MAX_ADDRESSES && !byAddress.containsKey(address)) {
            return;
        }
        byAddress.merge(address, new Failures(1, now),
                (old, first) -> old.forgottenAt(now) ? first : new Failures(old.count() + 1, now));
    }

    private synchronized void sweepIfDue(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        byAddress.values().removeIf(f -> f.forgottenAt(now));
    }

    private record Failures(int count, Instant last) {

        Instant blockedUntil() {
            if (count < FREE_FAILURES) {
                return last;
            }
            Duration block = FIRST_BLOCK.multipliedBy(1L << Math.min(count - FREE_FAILURES, 5));
            return last.plus(block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block);
        }

        boolean forgottenAt(Instant now) {
            return now.isAfter(blockedUntil().plus(MEMORY));
        }
    }
}
