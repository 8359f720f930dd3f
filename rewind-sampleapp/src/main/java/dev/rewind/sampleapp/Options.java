package dev.rewind.sampleapp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The parsed command line.
 *
 * @param version         the version this instance reports, e.g. {@code v2}
 * @param major           the first integer found in {@code version}: decides which migrations apply
 * @param host            the address to listen on
 * @param port            the port to listen on; 0 picks a free one
 * @param db              a PgJDBC URL, when the app has a database
 * @param files           where item bodies are written, when set
 * @param failRate        the exact share of /api requests that answer 500, from 0 to 1
 * @param latency         the delay added before answering every request but /metrics
 * @param healthFailAfter after this long /health reports unhealthy
 * @param crashAfter      after this long the process exits 1
 * @param noStart         refuse to start at all
 */
public record Options(
        String version,
        int major,
        String host,
        int port,
        Optional<String> db,
        Optional<Path> files,
        double failRate,
        Duration latency,
        Optional<Duration> healthFailAfter,
        Optional<Duration> crashAfter,
        boolean noStart) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The newest schema version any release of the app knows about. */
    public static final int NEWEST_SCHEMA = 3;

    /** How many migrations this version applies: 1..min(major, 3). */
    public int schemaVersion() {
        return Math.min(major, NEWEST_SCHEMA);
    }
}
