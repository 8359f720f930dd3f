package dev.rewind.core.rollback;

import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.Release;
import java.util.List;

/**
 * What a rollback will do, decided before anything runs: from which release to which, from which backup set, and
 * which components and datastores it acts on. It is saved with the run, so a resumed run does what was planned even
 * if releases were recorded since.
 *
 * @param environment the environment
 * @param from        the release being rolled back (the current one)
 * @param to          the release rolled back to
 * @param backup      the backup set restored, or null when no datastore is restored
 * @param components  the components acted on, in start (dependency) order
 * @param datastores  the datastores restored
 * @param reason      why, for the announcement and the report
 */
public record RollbackPlan(String environment, Release from, Release to, BackupSet backup, List<String> components,
                           List<String> datastores, String reason) {

    public RollbackPlan {
        components = List.copyOf(components);
        datastores = List.copyOf(datastores);
    }

    /** The version of {@code release} for one component: its own artifact if recorded, else the release's version. */
    public static String versionOf(Release release, String component) {
        return release.artifacts().getOrDefault(component, release.version());
    }

    /** The plan as saved in the run: ids only. */
    Saved saved() {
        return new Saved(from.id(), to.id(), backup == null ? null : backup.id(), components, datastores, reason);
    }

    /** The ids a run keeps to rebuild its plan on resume. */
    record Saved(String from, String to, String backup, List<String> components, List<String> datastores, String reason) {}
}
