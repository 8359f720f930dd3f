package dev.rewind.sampleapp;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Checks the database, the migrations and the files directory, and answers /health: 200 when all are healthy. */
public final class HealthCheck implements Handler {

    private final Options options;
    private final Optional<Database> database;
    private final Optional<ItemFiles> files;
    private final long startNanos;

    public HealthCheck(Options options, Optional<Database> database, Optional<ItemFiles> files, long startNanos) {
        this.options = options;
        this.database = database;
        this.files = files;
        this.startNanos = startNanos;
    }

    @Override
    public Response handle(Request request) {
        if (!request.method().equals("GET")) {
            throw new HttpError(405, request.method() + " is not allowed on /health: use GET");
        }
        Health health = check();
        return Response.json(health.ok() ? 200 : 503, health);
    }

    public Health check() {
        Duration uptime = Duration.ofNanos(System.nanoTime() - startNanos);
        Health.Components components = database.map(this::checkDatabase).orElseGet(this::noDatabase);
        Optional<Duration> failAfter = options.healthFailAfter();
        if (failAfter.isPresent() && uptime.compareTo(failAfter.get()) >= 0) {
            components = components.withDatabase(Health.Component.unhealthy("simulated failure: --health-fail-after "
                    + Durations.format(failAfter.get()) + " has passed"));
        }
        return Health.of(options.version(), uptime.toSeconds(), components);
    }

    private Health.Components checkDatabase(Database db) {
        List<Migration> needed = Migration.upTo(options.schemaVersion());
        long start = System.nanoTime();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT 1");
            double latencyMs = (System.nanoTime() - start) / 1e6;
            return new Health.Components(Health.Component.database(latencyMs), checkMigrations(c, needed),
                    checkFiles());
        } catch (SQLException e) {
            return new Health.Components(
                    Health.Component.unhealthy("cannot reach " + db.describe() + ": " + e.getMessage()),
                    Health.Component.unhealthy("cannot read flyway_schema_history: the database is unreachable"),
                    checkFiles());
        }
    }

    private static Health.Component checkMigrations(Connection c, List<Migration> needed) {
        try {
            return Health.Component.migrations(MigrationHistory.status(c, needed));
        } catch (SQLException e) {
            return Health.Component.unhealthy("cannot read flyway_schema_history: " + e.getMessage());
        }
    }

    private Health.Components noDatabase() {
        String reason = "no database configured: start with --db JDBC_URL";
        return new Health.Components(Health.Component.unhealthy(reason), Health.Component.unhealthy(reason),
                checkFiles());
    }

    private Health.Component checkFiles() {
        return files.filter(f -> !f.writable())
                .map(f -> Health.Component.unhealthy(f.root() + " is not a writable directory: check --files"))
                .orElse(Health.Component.healthy());
    }
}
