package dev.rewind.sampleapp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens short-lived PgJDBC connections; a sample app with little traffic needs no pool. */
public final class Database {

    private final String url;
    private final Properties defaults = new Properties();

    /** @param url a PgJDBC URL; its own parameters win over the defaults set here */
    public Database(String url, String version) {
        this.url = url;
        defaults.setProperty("connectTimeout", "3");
        defaults.setProperty("socketTimeout", "30");
        defaults.setProperty("ApplicationName", "sampleapp " + version);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, defaults);
    }

    /** The URL without its query string, so passwords in it never reach a log or a health answer. */
    public String describe() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
