package dev.rewind.core.rollback;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.BackupManifest;
import dev.rewind.core.backup.Backups;
import dev.rewind.core.backup.Prepared;
import dev.rewind.core.backup.RestoreTargets;
import dev.rewind.core.backup.Restorer;
import dev.rewind.core.backup.StandbyTask;
import dev.rewind.core.backup.Standbys;
import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.ShadowRestore;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.driver.ComponentDriver;
import dev.rewind.core.driver.DriverContext;
import dev.rewind.core.driver.Drivers;
import dev.rewind.core.notify.Announcement;
import dev.rewind.core.notify.RunAnnouncer;
import dev.rewind.core.probe.HealthWait;
import dev.rewind.core.probe.Probe;
import dev.rewind.core.probe.ProbeChecks;
import dev.rewind.core.probe.ProbeResult;
import dev.rewind.core.probe.Probes;
import dev.rewind.core.signal.ProbeWindow;
import dev.rewind.core.signal.SignalInputs;
import dev.rewind.core.signal.SignalSnapshot;
import dev.rewind.core.signal.Signals;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.verify.Verifier;
import dev.rewind.core.verify.VerifyResult;
import dev.rewind.core.verify.VerifyScope;
import dev.rewind.core.workflow.Step;
import dev.rewind.core.workflow.StepContext;
import dev.rewind.core.workflow.WorkflowListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps of a rollback, in DESIGN.md's order: preflight, announce, prepare each datastore beside the live one,
 * stop the components (reverse dependency order), swap the datastores, activate and start the target release
 * (dependency order, each waiting for its probes), verify, record the release states, announce the outcome. Each
 * step is safe to repeat after an interruption.
 */
final class RollbackSteps {

    /** The longest {@link #standbyWaitLimit} of any set. */
    static final Duration STANDBY_WAIT_CAP = Duration.ofMinutes(30);

    private final RollbackPlan plan;
    private final String runId; // null while planning a dry run
    private final EnvironmentConfig env;
    private final Path projectDir;
    private final Map<String, DriverContext> contexts;
    private final Map<String, ComponentDriver> drivers;
    private final Backups backups;
    private final Restorer restorer;
    private final Standbys standbys;
    private final StandbyTask preparing; // null unless the run started while its standby was being prepared
    private final StateStore store;
    private final String toolPath;
    private final WorkflowListener listener;
    private final RunAnnouncer announcer;
    private final String eta;

    RollbackSteps(RollbackPlan plan, String runId, EnvironmentConfig env, Path projectDir,
                  Map<String, DriverContext> contexts, Backups backups, Restorer restorer, Standbys standbys,
                  StandbyTask preparing, StateStore store, String toolPath, WorkflowListener listener,
                  RunAnnouncer announcer, String eta) {
        this.plan = plan;
        this.runId = runId;
        this.env = env;
        this.projectDir = projectDir;
        this.contexts = contexts;
        this.drivers = new LinkedHashMap<>();
        contexts.forEach((name, context) -> drivers.put(name, Drivers.of(context)));
        this.backups = backups;
        this.restorer = restorer;
        this.standbys = standbys;
        this.preparing = preparing;
        this.store = store;
        this.toolPath = toolPath;
        this.listener = listener;
        this.announcer = announcer;
        this.eta = eta;
    }

    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("preflight", "check the target release, backup " + backupId() + ", disk and tools;"
                + " record the live state", this::preflight));
        steps.add(Step.of("announce start", "announce ROLLBACK IN PROGRESS", this::announceStart));
        if (!plan.datastores().isEmpty()) {
            steps.add(Step.of("prepare", "restore " + String.join(" and ", plan.datastores()) + " from " + backupId()
                    + " beside the live copies, which keep serving, checking every checksum and row count (or take"
                    + " over its standby, re-checked)", this::prepare));
        }
        for (String component : plan.components().reversed()) {
            steps.add(Step.of("stop " + component, "stop " + component + " "
                    + RollbackPlan.versionOf(plan.from(), component), () -> drivers.get(component).stop()));
        }
        for (String datastore : plan.datastores()) {
            steps.add(Step.of("swap " + datastore, "swap the restored " + datastore + " in; keep the live one as "
                    + keptName(datastore), () -> restorer.swap(plan.backup(), env, Set.of(datastore), runId)));
        }
        for (String component : plan.components()) {
            String version = RollbackPlan.versionOf(plan.to(), component);
            steps.add(Step.of("activate " + component, "activate " + component + " " + version,
                    () -> drivers.get(component).activate(version, RollbackPlan.versionOf(plan.from(), component))));
        }
        for (String component : plan.components()) {
            steps.add(Step.of("start " + component, "start " + component + " and wait for its probes",
                    () -> start(component)));
        }
        steps.add(Step.of("verify", "probes, row counts, files, smoke and SQL checks, response time, error lines",
                this::verify));
        steps.add(Step.of("record releases", recordsStatuses()
                ? "mark " + plan.from().version() + " rolled_back and " + plan.to().version() + " live"
                : "partial rollback: release states stay as they are", this::record));
        steps.add(new Step("announce result", "announce ROLLBACK COMPLETE", this::announceResult));
        return steps;
    }

    private String backupId() {
        return plan.backup() == null ? "(none: no datastore is restored)" : plan.backup().id();
    }

    /** Where the swap keeps the live copy: named after the run, or a pattern while the run has no id yet. */
    private String keptName(String datastore) {
        return switch (env.datastores().get(datastore)) {
            case DatastoreConfig.Postgres pg -> runId == null ? pg.postgres().database() + "__rewind_<run>"
                    : DatabaseNames.kept(pg.postgres().database(), runId);
            case DatastoreConfig.Files files -> runId == null ? files.files() + ".rewind-<run>"
                    : projectDir.relativize(DirectoryNames.kept(projectDir.resolve(files.files()), runId)).toString();
        };
    }

    /** Every datastore kept under its {@code __rewind_}/{@code .rewind-} name by this run. */
    Map<String, String> kept() {
        Map<String, String> kept = new LinkedHashMap<>();
        plan.datastores().forEach(d -> kept.put(d, keptName(d)));
        return kept;
    }

    private Object preflight() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> components = new LinkedHashMap<>();
        for (String component : plan.components()) {
            ComponentDriver driver = drivers.get(component);
            String version = RollbackPlan.versionOf(plan.to(), component);
            driver.checkRelease(version).ifPresent(p -> problems.add(component + " " + version + ": " + p));
            components.put(component, new LiveComponent(driver.activeVersion().orElse(null), version, driver.pids(),
                    logTail(driver)));
        }
        if (plan.backup() != null) {
            BackupManifest manifest = backups.manifest(plan.backup());
            for (String datastore : plan.datastores()) {
                checkDatastore(datastore, manifest, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new RewindException(ErrorCode.FAILED, "preflight found " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "; nothing was stopped or changed:\n  - "
                    + String.join("\n  - ", problems));
        }
        return Map.of("components", components, "backup", backupId(), "signals", liveSignals());
    }

    /** The probes' answers and the metrics now, before anything changes, for the report. */
    private SignalSnapshot liveSignals() {
        List<ProbeResult> results = ProbeChecks.checkAll(plan.environment(), env, projectDir).results();
        ProbeWindow window = new ProbeWindow();
        results.forEach(window::accept);
        return Signals.forEnvironment(plan.environment(), env, window, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build())
                .collect(Instant.now(), new SignalInputs(results, null, null, null, null));
    }

    private void checkDatastore(String datastore, BackupManifest manifest, List<String> problems) {
        BackupManifest.Item item = manifest.items().stream().filter(i -> i.datastore().equals(datastore)).findFirst()
                .orElse(null);
        if (item == null) {
            problems.add("backup set " + plan.backup().id() + " has no copy of datastore " + datastore);
            return;
        }
        switch (env.datastores().get(datastore)) {
            case DatastoreConfig.Postgres pg -> {
                try {
                    new ShadowRestore(toolPath).check(pg.postgres(), !item.isClone());
                } catch (RewindException e) {
                    problems.add(datastore + ": " + e.getMessage());
                }
            }
            case DatastoreConfig.Files files -> {
                if (standbys.check(plan.backup(), env, List.of(datastore)).get(datastore).used()) {
                    return; // its standby is renamed in: no staging copy (if its re-check fails, the restore says so)
                }
                Path live = projectDir.resolve(files.files());
                Path parent = live.toAbsolutePath().getParent();
                try {
                    long free = Files.getFileStore(Files.exists(live) ? live : parent).getUsableSpace();
                    if (free < item.sizeBytes()) {
                        problems.add(datastore + ": staging needs " + item.sizeBytes() + " bytes beside " + live
                                + ", only " + free + " are free");
                    }
                } catch (IOException e) {
                    problems.add(datastore + ": cannot read the free space beside " + live + ": " + e.getMessage());
                }
            }
        }
    }

    /**
     * Takes over the set's standby for each datastore whose standby checks out, and restores the others from the
     * set; first waits for the standby the run's deploy was still preparing, which is the same work, partly done, at
     * most {@link #standbyWaitLimit}.
     */
    private Object prepare() {
        StandbyTask.Wait waited = preparing == null ? null
                : preparing.await(standbyWaitLimit(plan.backup().sizeBytes()));
        List<Prepared> adopted = standbys.adopt(plan.backup(), env, plan.datastores(), runId);
        Set<String> rest = adopted.stream().filter(p -> !p.standby().used()).map(Prepared::datastore)
                .collect(Collectors.toSet());
        Map<String, Restorer.Step> restored = rest.isEmpty() ? Map.of()
                : restorer.prepareChecked(plan.backup(), env, rest, RestoreTargets.run(runId), listener.progress())
                        .stream().collect(Collectors.toMap(Restorer.Step::datastore, step -> step));
        return new PrepareOutput(waited, adopted.stream()
                .map(p -> p.standby().used() ? p : Prepared.restored(restored.get(p.datastore()), p.standby()))
                .toList());
    }

    /**
     * The longest the prepare step waits for the standby its deploy is still preparing, while the bad release serves
     * and the environment is locked. That preparation is the restore the step would otherwise run, so waiting for it
     * is never slower than starting over, unless it hangs (a file system that stopped answering, a stuck child): 5
     * minutes, plus the set's size at 20 MiB/s (a fraction of what pg_restore and a local copy achieve), at most 30
     * minutes. Past it the preparation is stopped (its pg_restore killed, what it made removed) and the run restores
     * from the set itself. A limit on the preparation's progress instead would need progress from pg_restore, which
     * reports none while it runs.
     */
    static Duration standbyWaitLimit(long setBytes) {
        Duration limit = Duration.ofMinutes(5).plusSeconds(setBytes / (20L << 20));
        return limit.compareTo(STANDBY_WAIT_CAP) > 0 ? STANDBY_WAIT_CAP : limit;
    }

    /**
     * What the prepare step did.
     *
     * @param standbyWait the wait for the standby the deploy was preparing, or null when there was none
     * @param datastores  each datastore, from its standby or restored from the set
     */
    record PrepareOutput(StandbyTask.Wait standbyWait, List<Prepared> datastores) {}

    private static List<String> logTail(ComponentDriver driver) {
        return driver.logFile().filter(Files::isRegularFile).map(LogTail::last).orElse(List.of());
    }

    private Object announceStart() {
        Map<String, Object> values = versions();
        values.put("reason", plan.reason());
        values.put("eta", eta);
        announcer.announce(Announcement.Event.ROLLBACK_STARTED, values);
        return null;
    }

    /** {@code current_version} and {@code target_version}, for the announcements. */
    Map<String, Object> versions() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("current_version", plan.from().version());
        values.put("target_version", plan.to().version());
        return values;
    }

    private Object start(String component) throws InterruptedException {
        ComponentDriver driver = drivers.get(component);
        var action = driver.start();
        List<Probe> probes = Probes.of(env, projectDir).all().stream().filter(p -> p.component().equals(component)).toList();
        Duration healthyAfter = HealthWait.await(component, probes, env.components().get(component).startTimeout());
        return Map.of("action", action, "healthy_after", healthyAfter, "probes", probes.size());
    }

    private Object verify() {
        BackupManifest manifest = plan.backup() == null ? null : backups.manifest(plan.backup());
        VerifyResult result = new Verifier(plan.environment(), env, projectDir)
                .verify(new VerifyScope(manifest, Set.copyOf(plan.datastores()), LogRanges.of(List.copyOf(contexts.values()))));
        if (!result.ok()) {
            throw new RewindException(ErrorCode.FAILED, "verification failed:\n  - " + result.failed().stream()
                    .map(c -> c.kind() + " " + c.name() + ": " + c.detail()).collect(Collectors.joining("\n  - ")));
        }
        return result;
    }

    private boolean recordsStatuses() {
        return plan.components().size() == env.components().size();
    }

    private Object record() {
        if (!recordsStatuses()) {
            return Map.of("statuses", "unchanged: partial rollback of " + plan.components() + " " + plan.datastores());
        }
        store.updateReleaseStatus(plan.from().id(), ReleaseStatus.ROLLED_BACK);
        store.updateReleaseStatus(plan.to().id(), ReleaseStatus.LIVE);
        return Map.of(plan.from().id(), ReleaseStatus.ROLLED_BACK, plan.to().id(), ReleaseStatus.LIVE);
    }

    private Object announceResult(StepContext context) {
        Map<String, Object> values = versions();
        values.put("downtime", Rollback.downtime(context.journal()));
        values.put("checks", Json.mapper().convertValue(context.output("verify").path("checks"), List.class));
        values.put("kept", List.copyOf(kept().values()));
        announcer.announce(Announcement.Event.ROLLBACK_COMPLETED, values);
        return null;
    }

    /** A component as the rollback found it. */
    record LiveComponent(String activeVersion, String targetVersion, List<Long> pids, List<String> logTail) {}
}
