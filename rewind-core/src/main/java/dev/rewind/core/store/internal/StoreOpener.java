package dev.rewind.core.store.internal;

import dev.rewind.core.store.StateStore;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a {@link StateStore}: parses the location, connects, migrates. Use {@link StateStore#open}. */
public final class StoreOpener {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOpener.class);

    private StoreOpener() {}

    public static StateStore open(String location, Path projectDir) {
        Objects.requireNonNull(projectDir, "projectDir");
        StoreLocation where = StoreLocation.parse(location, projectDir);
        DataSource source = DataSources.connect(where);
        String schemaVersion = Migrations.migrate(source, where);
        LOG.debug("opened state store {} at schema version {}", where.display(), schemaVersion);
        return new JdbiStateStore(Jdbi.create(source), where.display(), schemaVersion);
    }
}
