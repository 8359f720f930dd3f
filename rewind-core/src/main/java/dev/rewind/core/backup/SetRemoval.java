package dev.rewind.core.backup;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.files.OwnTree;
import dev.rewind.core.backup.postgres.KeptDatabases;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.BackupStatus;
import dev.rewind.core.store.StateStore;
import java.io.IOException;
import java.nio.file.Path;

/** Removes one backup set: its clone databases, its directory, then its record. Only ever Rewind's own backups. */
final class SetRemoval {

    private final StateStore store;
    private final BackupLayout layout;
    private final Path projectDir;

    SetRemoval(StateStore store, BackupLayout layout, Path projectDir) {
        this.store = store;
        this.layout = layout;
        this.projectDir = projectDir;
    }

    void remove(BackupSet set, EnvironmentConfig env) {
        if (set.status() == BackupStatus.COMPLETE && set.manifest() != null) {
            for (BackupManifest.Item item : ManifestFiles.read(projectDir.resolve(set.manifest())).items()) {
                if (item.isClone() && env.datastores().get(item.datastore()) instanceof DatastoreConfig.Postgres pg) {
                    KeptDatabases.drop(pg.postgres(), item.location());
                }
            }
        }
        Path dir = layout.setDir(set.environment(), set.id());
        try {
            OwnTree.delete(dir);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot remove backup set directory " + dir + ": " + e
                    + "\n    fix: check its permissions, then run `rewind prune " + set.environment() + "` again", e);
        }
        store.deleteBackupSet(set.id());
    }
}
