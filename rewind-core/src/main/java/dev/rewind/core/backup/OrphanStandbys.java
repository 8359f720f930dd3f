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
import java.util.Optional;
import java.util.Set;

/**
 * For {@code rewind prune}: every standby that no ready marker names, whatever its age, since no rollback can use it:
 * the standbys of sets that are gone (removed by retention, or by this prune), and those a killed preparation left
 * half-made (its {@code pg_restore} may still be writing into the database; dropping it ends that session). The caller
 * holds the environment's {@link StandbyLock}, so none is a preparation under way. Removing one also removes the
 * environment's marker if it names it.
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

    /** The standbys no ready marker of a set in {@code staying} (the sets that stay) names. */
    List<PruneResult.Candidate> candidates(String environment, EnvironmentConfig env, Set<String> staying) {
        Optional<StandbyMarker> ready = markers.readOrWarn(environment).filter(m -> staying.contains(m.setId()));
        List<PruneResult.Candidate> out = new ArrayList<>();
        env.datastores().forEach((name, datastore) -> {
            Optional<String> setId = ready.filter(m -> m.item(name).isPresent()).map(StandbyMarker::setId);
            switch (datastore) {
                case DatastoreConfig.Postgres pg -> {
                    Optional<String> named = setId.map(id -> DatabaseNames.standby(pg.postgres().database(), id));
                    StandbyDatabases.list(pg.postgres()).stream().filter(db -> !named.equals(Optional.of(db.name())))
                            .forEach(db -> out.add(new PruneResult.Candidate(DATABASE, db.name(),
                                    IdTimes.of(db.name()), db.sizeBytes())));
                }
                case DatastoreConfig.Files files -> {
                    Path live = projectDir.resolve(files.files());
                    Optional<Path> named = setId.map(id -> DirectoryNames.standby(live, id));
                    StandbyDirectories.list(live).stream().filter(dir -> !named.equals(Optional.of(dir)))
                            .forEach(dir -> out.add(new PruneResult.Candidate(DIRECTORY, dir.toString(),
                                    IdTimes.of(dir.getFileName().toString()), Pruner.size(dir))));
                }
            }
        });
        return out;
    }

    /** Removes a standby database (ending every session on it, a leftover pg_restore's too) or directory. */
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
        markers.readOrWarn(environment)
                .filter(m -> m.items().stream().anyMatch(i -> i.name().equals(candidate.name())))
                .ifPresent(m -> markers.delete(environment));
    }
}
