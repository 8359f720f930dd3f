package dev.rewind.core.deploy;

import dev.rewind.core.store.Release;
import java.time.Duration;
import java.util.List;

/**
 * What a deploy will do, saved with its run so a resume does the same.
 *
 * @param environment the environment
 * @param version     the version deployed
 * @param releaseId   the id the new release is recorded under
 * @param previous    the live release it replaces, or null for a first deploy
 * @param components  the components, in start (dependency) order
 * @param watch       how long the new release is watched
 * @param backupFirst true when every datastore can be backed up online ({@code dump}, files); false when a
 *                    {@code clone} needs the components stopped first (its copy time adds to the downtime)
 * @param measureBaseline true when the live release must be measured first: the deploy watches, and the live
 *                    release has no baseline from a watch of its own
 * @param note        kept with the release, or null
 */
public record DeployPlan(String environment, String version, String releaseId, Release previous, List<String> components,
                         Duration watch, boolean backupFirst, boolean measureBaseline, String note) {

    public DeployPlan {
        components = List.copyOf(components);
    }

    Saved saved() {
        return new Saved(version, releaseId, previous == null ? null : previous.id(), components, watch.toMillis(),
                backupFirst, measureBaseline, note);
    }

    /** The plan as the run keeps it. */
    record Saved(String version, String releaseId, String previous, List<String> components, long watchMillis,
                 boolean backupFirst, boolean measureBaseline, String note) {}
}
