package dev.rewind.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The site, reduced to its database reads: a thread that queries the live database every 50 ms (a customer's orders,
 * through two indexes) while a step runs, counting successes and failures and keeping the slowest query's latency.
 */
final class LiveReader implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(50);
    private static final String QUERY = """
            SELECT o.id, o.status, o.total, c.email
            FROM orders o JOIN customers c ON c.id = o.customer_id
            WHERE o.customer_id = ?
            """;

    /** What the reader saw; {@code firstFailure} is null when nothing failed. */
    record Stats(int ok, int failed, Duration maxLatency, String firstFailure) {
        /** Both together: counts added, the larger latency, the first failure. */
        Stats plus(Stats other) {
            return new Stats(ok + other.ok, failed + other.failed,
                    maxLatency.compareTo(other.maxLatency) >= 0 ? maxLatency : other.maxLatency,
                    firstFailure != null ? firstFailure : other.firstFailure);
        }

        String describe() {
            return ok + " ok, " + failed + " failed, max latency " + Timed.format(maxLatency)
                    + (firstFailure == null ? "" : " (first failure: " + firstFailure + ")");
        }
    }

    private final BenchServer server;
    private final String database;
    private final long customers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private int ok;
    private int failed;
    private long maxLatencyNanos;
    private String firstFailure;

    private LiveReader(BenchServer server, String database, long customers) {
        this.server = server;
        this.database = database;
        this.customers = customers;
        this.thread = Thread.ofPlatform().name("live-reader").daemon().unstarted(this::loop);
    }

    /** Starts reading {@code database}, whose customer ids are 1..{@code customers}. */
    static LiveReader start(BenchServer server, String database, long customers) {
        LiveReader reader = new LiveReader(server, database, customers);
        reader.thread.start();
        return reader;
    }

    /** Stops the thread and returns what it saw. */
    Stats stop() {
        running.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the live reader", e);
        }
        return new Stats(ok, failed, Duration.ofNanos(maxLatencyNanos), firstFailure);
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            stop();
        }
    }

    private void loop() {
        SplittableRandom random = new SplittableRandom(7);
        Connection connection = null;
        while (running.get()) {
            long start = System.nanoTime();
            try {
                if (connection == null) {
                    connection = server.connect(database);
                }
                query(connection, 1 + random.nextLong(customers));
                ok++;
                maxLatencyNanos = Math.max(maxLatencyNanos, System.nanoTime() - start);
            } catch (SQLException e) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = e.getMessage();
                }
                connection = closed(connection);
            }
            pause(start);
        }
        closed(connection);
    }

    private static void query(Connection connection, long customer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setLong(1, customer);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getString(4);
                }
            }
        }
    }

    private static Connection closed(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                Log.info("live reader: closing a broken connection failed: " + e.getMessage());
            }
        }
        return null;
    }

    private void pause(long startNanos) {
        long left = INTERVAL.toNanos() - (System.nanoTime() - startNanos);
        if (left > 0 && running.get()) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }
}
