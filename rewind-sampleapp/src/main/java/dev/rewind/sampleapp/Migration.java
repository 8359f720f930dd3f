package dev.rewind.sampleapp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One schema migration, recorded in {@code flyway_schema_history} the way Flyway records a versioned SQL script.
 *
 * @param version     1, 2, 3...
 * @param description what it does, e.g. {@code create items}
 * @param sql         the statements it runs
 */
public record Migration(int version, String description, String sql) {

    /** Every migration any version of the app knows; version N applies the first min(N, 3). */
    public static final List<Migration> ALL = List.of(
            new Migration(1, "create items", """
                    CREATE TABLE items (
                        id bigserial PRIMARY KEY,
                        name text NOT NULL,
                        body text NOT NULL,
                        created_at timestamptz NOT NULL DEFAULT now()
                    )"""),
            new Migration(2, "add note to items", "ALTER TABLE items ADD COLUMN note text"),
            new Migration(3, "index items by created at", "CREATE INDEX items_created_at_idx ON items (created_at)"));

    /** The migrations a version with schema version {@code schemaVersion} needs, oldest first. */
    public static List<Migration> upTo(int schemaVersion) {
        return ALL.stream().filter(m -> m.version() <= schemaVersion).toList();
    }

    /** The file name Flyway would have given this script: {@code V2__add_note_to_items.sql}. */
    public String script() {
        return "V" + version + "__" + description.replace(' ', '_') + ".sql";
    }

    /** A CRC32 of the SQL, as Flyway stores it: a signed int. */
    public int checksum() {
        CRC32 crc = new CRC32();
        crc.update(sql.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
