package dev.rewind.core.backup;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.backup.files.OwnTree;
import dev.rewind.core.backup.postgres.KeptDatabases;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists, and with {@code apply} removes, what is older than a cutoff: backup sets (never those the live or previous
 * release needs, nor the newest), and the failed state rollbacks kept for salvage ({@code <db>__rewind_*}
 * databases, {@code <dir>.rewind-*} directories); and, whatever their age, the standbys no ready marker names
 * ({@link OrphanStandbys}), unless a preparation is under way. Nothing kept is ever removed without being asked.
 */
final class Pruner {

    private final StateStore store;
    private final SetRemoval removal;
    private final Path projectDir;
    private final OrphanStandbys orphans;

    /**
     * @param standbysLocked whether no other preparation holds the environment's {@link StandbyLock} (to remove, the
     *                       caller holds it): else standbys stay
     */
    Pruner(StateStore store, SetRemoval removal, Path projectDir, boolean standbysLocked) {
        this.store = store;
        this.removal = removal;
        this.projectDir = projectDir;
        this.orphans = standbysLocked ? new OrphanStandbys(projectDir) : null;
    }

    List<PruneResult.Candidate> candidates(String environment, EnvironmentConfig env, Instant cutoff) {
        List<PruneResult.Candidate> out = new ArrayList<>();
        Set<String> protectedSets = Retention.protectedSets(store, environment);
        for (BackupSet set : store.backupSets(environment)) {
            if (!protectedSets.contains(set.id()) && set.createdAt().isBefore(cutoff)) {
                out.add(new PruneResult.Candidate("backup_set", set.id(), set.createdAt(), set.sizeBytes()));
            }
        }
        for (DatastoreConfig datastore : env.datastores().values()) {
            switch (datastore) {
                case DatastoreConfig.Postgres pg -> KeptDatabases.list(pg.postgres()).stream()
                        .filter(db -> db.createdAt() == null || db.createdAt().isBefore(cutoff))
                        .forEach(db -> out.add(new PruneResult.Candidate("kept_database", db.name(), db.createdAt(), db.sizeBytes())));
                case DatastoreConfig.Files files -> keptDirectories(projectDir.resolve(files.files())).stream()
                        .filter(c -> c.createdAt() == null || c.createdAt().isBefore(cutoff))
                        .forEach(out::add);
            }
        }
        Set<String> staying = store.backupSets(environment).stream().map(BackupSet::id)
                .filter(id -> out.stream().noneMatch(c -> c.kind().equals("backup_set") && c.name().equals(id)))
                .collect(Collectors.toSet());
        if (orphans != null) {
            out.addAll(orphans.candidates(environment, env, staying));
        }
        out.sort(Comparator.comparing(PruneResult.Candidate::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    void remove(String environment, EnvironmentConfig env, PruneResult.Candidate candidate) {
        switch (candidate.kind()) {
            case "backup_set" -> store.backupSet(candidate.name()).ifPresent(set -> removal.remove(set, env));
            case "kept_database" -> env.datastores().values().stream()
                    .filter(d -> d instanceof DatastoreConfig.Postgres pg && KeptDatabases.belongsTo(pg.postgres(), candidate.name()))
                    .findFirst()
                    .ifPresent(d -> KeptDatabases.drop(((DatastoreConfig.Postgres) d).postgres(), candidate.name()));
            case OrphanStandbys.DATABASE, OrphanStandbys.DIRECTORY -> orphans.remove(environment, env, candidate);
            default -> deleteDirectory(Path.of(candidate.name()));
        }
    }

    private static List<PruneResult.Candidate> keptDirectories(Path live) {
        Path parent = live.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String prefix = live.getFileName() + ".rewind-";
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && !DirectoryNames.isStandby(p))
                    .map(p -> new PruneResult.Candidate("kept_directory", p.toString(), IdTimes.of(p.getFileName().toString()), size(p)))
                    .toList();
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot list " + parent + ": " + e, e);
        }
    }

    static long size(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot measure " + dir + ": " + e, e);
        }
    }

    private static void deleteDirectory(Path dir) {
        try {
            OwnTree.delete(dir);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot remove " + dir + ": " + e
                    + "\n    fix: check its permissions and remove it by hand if needed", e);
        }
    }
}
