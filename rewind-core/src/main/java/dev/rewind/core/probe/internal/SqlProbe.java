package dev.rewind.core.probe.internal;

import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.ProbeConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/**
 * A {@code sql} probe: runs a query on a postgres datastore; healthy when it returns exactly one row with one
 * column that is {@code true}. Any other answer is described ("query returned false", "query returned 2 rows").
 */
public final class SqlProbe extends BoundedProbe {

    /** PostgreSQL's SQLSTATE for a statement cancelled by its timeout. */
    private static final String QUERY_CANCELED = "57014";

    private final ProbeConfig.Sql config;
    private final DatastoreConfig datastore;

    /** @param datastore the datastore the probe names; null when the environment has none by that name */
    public SqlProbe(String component, ProbeConfig.Sql config, DatastoreConfig datastore, Clock clock) {
        super(component, clock);
        this.config = config;
        this.datastore = datastore;
    }

    @Override
    public ProbeConfig.Sql config() {
        return config;
    }

    @Override
    public String kind() {
        return "sql";
    }

    @Override
    protected Outcome attempt(long startNanos) {
        if (!(datastore instanceof DatastoreConfig.Postgres postgres)) {
            return Outcome.failed("datastore '" + config.datastore() + "' is not a postgres datastore of this environment");
        }
        Connection connection;
        try {
            connection = PgConnections.open(postgres.postgres(), config.timeout());
        } catch (SQLException e) {
            return Outcome.failed("cannot connect to " + postgres.postgres().redacted() + ": " + firstLine(e));
        }
        try (connection; Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(Math.toIntExact(PgConnections.seconds(config.timeout())));
            statement.setMaxRows(2);
            try (ResultSet rows = statement.executeQuery(config.sql())) {
                return QueryAnswer.judge(rows);
            }
        } catch (SQLException e) {
            return Outcome.failed(QUERY_CANCELED.equals(e.getSQLState())
                    ? Texts.timedOut(config.timeout()) + " running the query"
                    : "query failed: " + firstLine(e));
        }
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return Texts.excerpt(message.lines().findFirst().orElse(message), Texts.EXCERPT);
    }
}
