package dev.rewind.core.backup;

/**
 * The migration tool and version found in a database.
 *
 * @param tool    {@code flyway}, {@code liquibase}, {@code alembic}, or {@code none}
 * @param version Flyway's max installed_rank, Liquibase's max orderexecuted, Alembic's version_num; null for none
 */
public record SchemaVersion(String tool, String version) {

    public static final SchemaVersion NONE = new SchemaVersion("none", null);

    @Override
    public String toString() {
        return version == null ? tool : tool + " " + version;
    }
}
