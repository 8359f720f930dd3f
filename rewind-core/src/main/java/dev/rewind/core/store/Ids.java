package dev.rewind.core.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Makes record ids like {@code run-20261121-093015-k3f9}: a type prefix, the UTC time to the second and
 * four base32 characters (Crockford's alphabet, lower case: no i, l, o, u). Ids sort by time; within one
 * process they are strictly increasing, because ids made in the same second count up from a random start.
 */
public final class Ids {

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int SUFFIX_CHARS = 4;
    private static final int SUFFIX_RANGE = 1 << (5 * SUFFIX_CHARS);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static long lastSecond = Long.MIN_VALUE;
    private static int lastSuffix;

    private Ids() {}

    public static String release() {
        return next("rel");
    }

    public static String backup() {
        return next("bak");
    }

    public static String run() {
        return next("run");
    }

    public static String decision() {
        return next("dec");
    }

    public static String hold() {
        return next("hold");
    }

    public static String event() {
        return next("evt");
    }

    static String next(String prefix) {
        return next(prefix, Instant.now());
    }

    /** The next id at {@code now}; never earlier than the previous id, even if the clock went back. */
    static synchronized String next(String prefix, Instant now) {
        long second = Math.max(now.getEpochSecond(), lastSecond);
        int suffix = second == lastSecond ? lastSuffix + 1 : RANDOM.nextInt(SUFFIX_RANGE / 2);
        if (suffix >= SUFFIX_RANGE) {
            second++;
            suffix = RANDOM.nextInt(SUFFIX_RANGE / 2);
        }
        lastSecond = second;
        lastSuffix = suffix;
        return prefix + "-" + STAMP.format(Instant.ofEpochSecond(second)) + "-" + base32(suffix);
    }

    private static String base32(int value) {
        char[] chars = new char[SUFFIX_CHARS];
        for (int i = SUFFIX_CHARS - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((value >> (5 * (SUFFIX_CHARS - 1 - i))) & 31);
        }
        return new String(chars);
    }
}
