package dev.rewind.core.backup;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.files.DirectoryVerifier;
import dev.rewind.core.backup.files.VerifyResult;
import dev.rewind.core.backup.postgres.ShadowRestore;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a backup set against its manifest before it is trusted: every file's size and SHA-256, and for a clone,
 * that the clone database still has the manifest's row counts.
 */
final class SetVerifier {

    private final BackupLayout layout;
    private final EnvironmentConfig env;
    private final Progress progress;

    SetVerifier(BackupLayout layout, EnvironmentConfig env, Progress progress) {
        this.layout = layout;
        this.env = env;
        this.progress = progress;
    }

    SetVerification verify(BackupSet set, BackupManifest manifest) {
        List<String> problems = new ArrayList<>();
        for (BackupManifest.Item item : manifest.items()) {
            if (item.isClone()) {
                problems.addAll(clone(item));
            } else {
                Path dir = layout.itemDir(set.environment(), set.id(), item.location());
                progress.start("verify " + item.datastore(), item.sizeBytes());
                VerifyResult result = DirectoryVerifier.verify(dir, item.files(), progress);
                String prefix = item.datastore() + "/";
                result.missing().forEach(p -> problems.add("missing: " + prefix + p));
                result.altered().forEach(p -> problems.add("altered: " + prefix + p));
                result.unexpected().forEach(p -> problems.add("unexpected: " + prefix + p));
            }
        }
        return new SetVerification(set.id(), problems);
    }

    private List<String> clone(BackupManifest.Item item) {
        if (!(env.datastores().get(item.datastore()) instanceof DatastoreConfig.Postgres pg)) {
            return List.of("cannot check clone " + item.location() + ": datastore " + item.datastore()
                    + " is no longer a postgres datastore in rewind.yaml");
        }
        try {
            return ShadowRestore.checkCounts(pg.postgres(), item.location(), item.tables()).stream()
                    .map(m -> "clone " + item.location() + " " + m.describe())
                    .toList();
        } catch (RewindException e) {
            return List.of("clone " + item.location() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
