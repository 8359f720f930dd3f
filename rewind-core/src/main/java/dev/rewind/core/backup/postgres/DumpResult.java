package dev.rewind.core.backup.postgres;

import dev.rewind.core.backup.SchemaVersion;
import dev.rewind.core.backup.TableCount;
import java.util.List;

/**
 * What a {@code dump} backup recorded, all read in the snapshot the dump was taken in.
 *
 * @param serverVersion PostgreSQL's {@code server_version}, e.g. {@code 15.19}
 * @param schema        the migration tool and version found
 * @param tables        every user table with its exact row count, exactly as the dump holds it
 */
public record DumpResult(String serverVersion, SchemaVersion schema, List<TableCount> tables) {

    public DumpResult {
        tables = List.copyOf(tables);
    }
}
