package dev.rewind.core.backup.postgres;

/**
 * A session connected to a database, as named in errors about connected applications.
 *
 * @param pid             the server process id
 * @param user            the role it logged in as
 * @param applicationName its {@code application_name}, empty if it set none
 * @param clientAddress   its client address, or {@code local} for a Unix socket
 */
public record PgSession(int pid, String user, String applicationName, String clientAddress) {

    /** {@code 'shop-backend' (user shop from 10.0.0.7)}. */
    public String describe() {
        String app = applicationName == null || applicationName.isEmpty() ? "(no application_name)"
                : "'" + applicationName + "'";
        return app + " (user " + user + " from " + clientAddress + ")";
    }
}
