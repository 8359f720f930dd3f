package dev.rewind.core.rollback;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.internal.DependencyOrder;
import dev.rewind.core.config.internal.Suggestions;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.BackupStatus;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a rollback does: the current release, the target (the last release that was live before it, unless
 * {@code --to}), the backup set that protects the target, and the components and datastores under {@code --only}.
 */
final class RollbackPlanner {

    private static final Set<ReleaseStatus> CURRENT = Set.of(ReleaseStatus.LIVE, ReleaseStatus.DEPLOYING, ReleaseStatus.FAILED);
    private static final Set<ReleaseStatus> ONCE_LIVE = Set.of(ReleaseStatus.LIVE, ReleaseStatus.SUPERSEDED);

    private final String environment;
    private final EnvironmentConfig env;
    private final StateStore store;

    RollbackPlanner(String environment, EnvironmentConfig env, StateStore store) {
        this.environment = environment;
        this.env = env;
        this.store = store;
    }

    /** The newest release that is live, deploying or failed: what a rollback moves away from. */
    Optional<String> currentId() {
        return current(store.releases(environment)).map(Release::id);
    }

    private static Optional<Release> current(List<Release> releases) {
        return releases.stream().filter(r -> CURRENT.contains(r.status())).findFirst();
    }

    RollbackPlan plan(RollbackRequest request) {
        List<Release> releases = store.releases(environment);
        Release from = current(releases)
                .orElseThrow(() -> new RewindException(ErrorCode.FAILED, "no release of " + environment
                        + " is live or deploying, so there is nothing to roll back from"
                        + "\n    fix: see the history with `rewind releases " + environment + "`"));
        Release to = request.to() == null ? previousLive(releases, from) : named(releases, request.to(), from);
        Set<String> only = request.only();
        checkNames(only);
        List<String> components = DependencyOrder.of(env.components()).stream()
                .filter(c -> only.isEmpty() || only.contains(c)).toList();
        List<String> datastores = env.datastores().keySet().stream()
                .filter(d -> only.isEmpty() || only.contains(d)).toList();
        BackupSet backup = datastores.isEmpty() ? null : backupOf(from, to);
        String reason = request.reason() == null ? "rollback requested by " + request.actor() : request.reason();
        return new RollbackPlan(environment, from, to, backup, components, datastores, reason);
    }

    /** The plan a run was started with. */
    RollbackPlan saved(Run run) {
        RollbackPlan.Saved saved = Json.read(run.planJson(), RollbackPlan.Saved.class);
        return new RollbackPlan(environment, release(saved.from()), release(saved.to()),
                saved.backup() == null ? null : store.backupSet(saved.backup()).orElseThrow(() -> new RewindException(
                        ErrorCode.FAILED, "run " + run.id() + " restores backup set " + saved.backup()
                        + ", which no longer exists\n    fix: start a new rollback (`rewind rollback " + environment
                        + " --to RELEASE`)")),
                saved.components(), saved.datastores(), saved.reason());
    }

    private Release release(String id) {
        return store.release(id).orElseThrow(() -> new RewindException(ErrorCode.STORE, "release " + id
                + " is missing from the state store " + store.location()));
    }

    private Release previousLive(List<Release> releases, Release from) {
        return releases.stream()
                .filter(r -> !r.id().equals(from.id()) && ONCE_LIVE.contains(r.status())
                        && r.deployedAt().isBefore(from.deployedAt()))
                .findFirst()
                .orElseThrow(() -> new RewindException(ErrorCode.FAILED, "no release of " + environment
                        + " before " + from.version() + " (" + from.id() + ") was ever live, so there is nothing to roll"
                        + " back to\n    fix: name one with `--to RELEASE` (see `rewind releases " + environment + "`)"));
    }

    private Release named(List<Release> releases, String name, Release from) {
        Optional<Release> byId = releases.stream().filter(r -> r.id().equals(name)).findFirst();
        Release release = byId.or(() -> releases.stream()
                        .filter(r -> r.version().equals(name) && !r.id().equals(from.id())).findFirst())
                .orElseThrow(() -> new RewindException(ErrorCode.USAGE, "--to " + name + ": no release of "
                        + environment + " has that id or version\n    fix: pick one from `rewind releases " + environment + "`"));
        if (release.id().equals(from.id())) {
            throw new RewindException(ErrorCode.USAGE, "--to " + name + " is the current release of " + environment
                    + "\n    fix: name an earlier release (`rewind releases " + environment + "`)");
        }
        return release;
    }

    private void checkNames(Set<String> only) {
        Set<String> known = new TreeSet<>(env.components().keySet());
        known.addAll(env.datastores().keySet());
        for (String name : only) {
            if (!known.contains(name)) {
                String hint = Suggestions.closest(name, known).map(s -> "did you mean `" + s + "`? ").orElse("");
                throw new RewindException(ErrorCode.USAGE, "--only " + name + ": " + environment
                        + " has no component or datastore of that name\n    fix: " + hint + "choose from " + known);
            }
        }
    }

    /**
     * The set that holds the target's data: the one taken just before the current release was deployed, if it
     * protects the target, else the newest complete set taken while the target was live.
     */
    private BackupSet backupOf(Release from, Release to) {
        List<BackupSet> sets = store.backupSets(environment);
        List<BackupSet> candidates = new ArrayList<>();
        sets.stream().filter(s -> s.id().equals(from.backupId()) && to.id().equals(s.releaseId())).forEach(candidates::add);
        sets.stream().filter(s -> to.id().equals(s.releaseId())).forEach(candidates::add);
        return candidates.stream().filter(s -> s.status() == BackupStatus.COMPLETE).findFirst()
                .orElseThrow(() -> new RewindException(ErrorCode.FAILED, "no complete backup set of " + environment
                        + " protects release " + to.version() + " (" + to.id() + "), so its data cannot be restored"
                        + "\n    fix: roll back the code only with `--only " + String.join(",", env.components().keySet())
                        + "`, or choose a release that has one with `--to` (`rewind backups " + environment + "`)"));
    }
}
