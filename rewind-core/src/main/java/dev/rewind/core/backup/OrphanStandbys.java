package dev.rewind.core.backup;

import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.backup.files.StandbyDirectories;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.StandbyDatabases;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For {@code rewind prune}: the standbys whose backup set is gone (removed by retention, or by this prune), whatever
 * their age, since no rollback can use them. Removing one also removes the environment's marker if it names it.
 */
final class OrphanStandbys {

    static final String DATABASE = "standby_database";
    static final String DIRECTORY = "standby_directory";

    private final StandbyMarkers markers;
    private final Path projectDir;

    OrphanStandbys(Path projectDir) {
        this.markers = new StandbyMarkers(projectDir);
        this.projectDir = projectDir;
    }

    /** The standbys of every set but {@code sets}, the sets that stay. */
    List<PruneResult.Candidate> candidates(EnvironmentConfig env, Set<String> sets) {
        List<PruneResult.Candidate> out = new ArrayList<>();
        for (DatastoreConfig datastore : env.datastores().values()) {
            switch (datastore) {
                case DatastoreConfig.Postgres pg -> {
                    Set<String> wanted = sets.stream().map(id -> DatabaseNames.standby(pg.postgres().database(), id))
                            .collect(Collectors.toSet());
                    StandbyDatabases.list(pg.postgres()).stream().filter(db -> !wanted.contains(db.name()))
                            .forEach(db -> out.add(new PruneResult.Candidate(DATABASE, db.name(),
                                    IdTimes.of(db.name()), db.sizeBytes())));
                }
                case DatastoreConfig.Files files -> {
                    Path live = projectDir.resolve(files.files());
                    Set<Path> wanted = sets.stream().map(id -> DirectoryNames.standby(live, id))
                            .collect(Collectors.toSet());
                    StandbyDirectories.list(live).stream().filter(dir -> !wanted.contains(dir))
                            .forEach(dir -> out.add(new PruneResult.Candidate(DIRECTORY, dir.toString(),
                                    IdTimes.of(dir.getFileName().toString()), Pruner.size(dir))));
                }
            }
        }
        return out;
    }

    void remove(String environment, EnvironmentConfig env, PruneResult.Candidate candidate) {
        if (candidate.kind().equals(DATABASE)) {
            env.datastores().values().stream()
                    .filter(d -> d instanceof DatastoreConfig.Postgres pg
                            && DatabaseNames.belongsTo(pg.postgres().database(), candidate.name()))
                    .findFirst()
                    .ifPresent(d -> StandbyDatabases.drop(((DatastoreConfig.Postgres) d).postgres(), candidate.name()));
        } else {
            StandbyDirectories.remove(Path.of(candidate.name()));
        }
        markers.read(environment).filter(m -> m.items().stream().anyMatch(i -> i.name().equals(candidate.name())))
                .ifPresent(m -> markers.delete(environment));
    }
}
