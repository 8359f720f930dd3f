package dev.rewind.core.backup;

import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.BackupStatus;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.StateStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code keep: N}: after a backup, complete sets beyond the newest N are removed, except the sets of the live
 * release and of the release before it, which a rollback needs.
 */
final class Retention {

    private final StateStore store;
    private final SetRemoval removal;

    Retention(StateStore store, SetRemoval removal) {
        this.store = store;
        this.removal = removal;
    }

    /** Removes what {@code keep} no longer covers; returns the ids removed. */
    List<String> apply(String environment, EnvironmentConfig env) {
        Set<String> keep = protectedSets(store, environment);
        List<String> removed = new ArrayList<>();
        int complete = 0;
        for (BackupSet set : store.backupSets(environment)) {
            if (set.status() != BackupStatus.COMPLETE) {
                continue;
            }
            complete++;
            if (complete > env.keep() && !keep.contains(set.id())) {
                removal.remove(set, env);
                removed.add(set.id());
            }
        }
        return removed;
    }

    /**
     * Sets that must never be removed: the newest complete one, and those protecting the live release and the one
     * before it (by release record or by the set's release id).
     */
    static Set<String> protectedSets(StateStore store, String environment) {
        Set<String> releases = new HashSet<>();
        List<Release> history = store.releases(environment);
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).status() == ReleaseStatus.LIVE) {
                releases.add(history.get(i).id());
                if (i + 1 < history.size()) {
                    releases.add(history.get(i + 1).id());
                }
            }
        }
        Set<String> sets = new HashSet<>();
        history.stream().filter(r -> releases.contains(r.id()) && r.backupId() != null).forEach(r -> sets.add(r.backupId()));
        List<BackupSet> all = store.backupSets(environment);
        all.stream().filter(s -> s.releaseId() != null && releases.contains(s.releaseId())).forEach(s -> sets.add(s.id()));
        all.stream().filter(s -> s.status() == BackupStatus.COMPLETE).findFirst().ifPresent(s -> sets.add(s.id()));
        return sets;
    }
}
