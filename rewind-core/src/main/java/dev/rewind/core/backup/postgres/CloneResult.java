package dev.rewind.core.backup.postgres;

import dev.rewind.core.backup.SchemaVersion;
import dev.rewind.core.backup.TableCount;
import java.util.List;

/**
 * What a {@code clone} backup recorded, read from the clone right after it was made.
 *
 * @param serverVersion PostgreSQL's {@code server_version}, e.g. {@code 15.19}
 * @param schema        the migration tool and version found in the clone
 * @param tables        every user table of the clone with its exact row count
 * @param cloneName     the clone database, e.g. {@code shop__rewind_bak_20261121_093015_k3f9}
 */
public record CloneResult(String serverVersion, SchemaVersion schema, List<TableCount> tables, String cloneName) {

    public CloneResult {
        tables = List.copyOf(tables);
    }
}
