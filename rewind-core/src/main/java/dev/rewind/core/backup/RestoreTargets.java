package dev.rewind.core.backup;

import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.backup.postgres.DatabaseNames;
import java.nio.file.Path;

/**
 * Where a restore goes beside each live copy: a run's shadow database and staging directory, which its swap puts in
 * place, or a backup set's standby, which a later run claims (see {@link Standbys}).
 *
 * @param id      the run's id, or the set's for a standby
 * @param standby true for a standby's names
 */
public record RestoreTargets(String id, boolean standby) {

    /** {@code <db>__rewind_shadow_<run>} and {@code <dir>.rewind-staging-<run>}. */
    public static RestoreTargets run(String runId) {
        return new RestoreTargets(runId, false);
    }

    /** {@code <db>__rewind_standby_<set>} and {@code <dir>.rewind-standby-<set>}. */
    static RestoreTargets standby(String setId) {
        return new RestoreTargets(setId, true);
    }

    String database(String live) {
        return standby ? DatabaseNames.standby(live, id) : DatabaseNames.shadow(live, id);
    }

    Path directory(Path live) {
        return standby ? DirectoryNames.standby(live, id) : DirectoryNames.staging(live, id);
    }
}
