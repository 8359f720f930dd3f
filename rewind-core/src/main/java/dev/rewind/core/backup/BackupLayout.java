package dev.rewind.core.backup;

import java.nio.file.Path;

/** Where backup sets live: {@code <backups>/<env>/<set id>/manifest.json} and one directory per datastore. */
public record BackupLayout(Path root) {

    public static final String MANIFEST = "manifest.json";

    public Path setDir(String environment, String setId) {
        return root.resolve(environment).resolve(setId);
    }

    public Path manifest(String environment, String setId) {
        return setDir(environment, setId).resolve(MANIFEST);
    }

    public Path itemDir(String environment, String setId, String datastore) {
        return setDir(environment, setId).resolve(datastore);
    }
}
