package dev.rewind.core.deploy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.Backups;
import dev.rewind.core.backup.StandbyTask;
import dev.rewind.core.backup.Standbys;
import dev.rewind.core.backup.postgres.ShadowRestore;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.driver.ComponentDriver;
import dev.rewind.core.driver.DriverContext;
import dev.rewind.core.driver.Drivers;
import dev.rewind.core.driver.Hooks;
import dev.rewind.core.notify.Announcement;
import dev.rewind.core.notify.RunAnnouncer;
import dev.rewind.core.policy.PolicyDecision;
import dev.rewind.core.policy.Verdict;
import dev.rewind.core.probe.HealthWait;
import dev.rewind.core.probe.Probe;
import dev.rewind.core.probe.Probes;
import dev.rewind.core.signal.Baseline;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.BackupStatus;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.verify.Verifier;
import dev.rewind.core.verify.VerifyResult;
import dev.rewind.core.verify.VerifyScope;
import dev.rewind.core.watch.Watcher;
import dev.rewind.core.workflow.Step;
import dev.rewind.core.workflow.StepContext;
import dev.rewind.core.workflow.WorkflowListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

/**
 * The steps of a deploy: preflight, record the release, baseline and backup (online for {@code dump}; for
 * {@code clone} after the components stop), announce, hooks, stop, activate, start in dependency order waiting for
 * probes, verify, watch under the policy (preparing the backup's standby meanwhile), record the release live,
 * announce. A failed step from the hooks on is a trigger: the deploy rolls back. A deploy that went live waits for
 * its standby after the steps, outside the environment lock ({@link Deploy}).
 */
final class DeploySteps {

    /** How long the live release is measured for its baseline. */
    static final Duration BASELINE_SAMPLE = Duration.ofSeconds(2);
    /** Steps from which on a failure has changed something and calls for a rollback. */
    static final String FIRST_CHANGE = "announce start";

    private final DeployPlan plan;
    private final String actor;
    private final RunAnnouncer announcer;
    private final EnvironmentConfig env;
    private final Path projectDir;
    private final Map<String, String> processEnv;
    private final StateStore store;
    private final Backups backups;
    private final Clock clock;
    private final WorkflowListener listener;
    private final Map<String, ComponentDriver> drivers = new LinkedHashMap<>();
    private final DeployStandby standby;
    private PolicyDecision lastDecision;

    DeploySteps(DeployPlan plan, String actor, RunAnnouncer announcer, EnvironmentConfig env, Path projectDir,
                Map<String, String> processEnv, StateStore store, Backups backups, Clock clock, WorkflowListener listener) {
        this.plan = plan;
        this.actor = actor;
        this.announcer = announcer;
        this.env = env;
        this.projectDir = projectDir;
        this.processEnv = processEnv;
        this.store = store;
        this.backups = backups;
        this.clock = clock;
        this.listener = listener;
        plan.components().forEach(c -> drivers.put(c, Drivers.of(new DriverContext(plan.environment(), c,
                env.components().get(c), projectDir, processEnv))));
        this.standby = new DeployStandby(plan.environment(), env, projectDir, store,
                new Standbys(backups, projectDir, Backups.Options.defaults(processEnv.get("PATH")), clock),
                DiskNeeds.FreeSpace.USABLE, listener);
    }

    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("preflight", "check " + plan.version() + " of every component, free disk, tools", this::preflight));
        if (plan.backupFirst()) {
            steps.add(Step.of("backup", (plan.measureBaseline() ? "measure the baseline and " : "") + "take a backup"
                    + " set while " + previousVersion() + " serves", () -> backup(true)));
        } else if (plan.measureBaseline()) {
            steps.add(Step.of("baseline", "measure " + previousVersion() + " for " + BASELINE_SAMPLE.toSeconds() + " s",
                    this::baselineOnly));
        }
        steps.add(new Step("record release", "record " + plan.version() + " as deploying", this::recordRelease));
        steps.add(Step.of(FIRST_CHANGE, "announce DEPLOY STARTED", this::announceStart));
        hook(steps, "pre_deploy", env.hooks().preDeploy());
        hook(steps, "migrate", env.hooks().migrate());
        for (String component : plan.components().reversed()) {
            steps.add(Step.of("stop " + component, "stop " + component, () -> drivers.get(component).stop()));
        }
        if (!plan.backupFirst()) {
            steps.add(Step.of("backup", "take a backup set now that nothing writes (clone: its copy time adds to the"
                    + " downtime)", () -> backup(false)));
        }
        for (String component : plan.components()) {
            steps.add(Step.of("activate " + component, "activate " + component + " " + plan.version(),
                    () -> drivers.get(component).activate(plan.version(), null)));
        }
        for (String component : plan.components()) {
            steps.add(Step.of("start " + component, "start " + component + " and wait for its probes", () -> start(component)));
        }
        steps.add(Step.of("verify", "probes, response time, smoke and SQL checks, error lines", this::verify));
        if (!plan.watch().isZero()) {
            steps.add(new Step("watch", "watch " + plan.version() + " for " + plan.watch().toMinutes() + " min under the"
                    + " policy; roll back on ROLLBACK", this::watch));
        }
        steps.add(Step.of("record live", "mark " + plan.version() + " live" + (plan.previous() == null ? ""
                : " and " + plan.previous().version() + " superseded"), this::recordLive));
        steps.add(new Step("announce result", "announce DEPLOY COMPLETE", this::announceResult));
        return steps;
    }

    /** A deploy that watches prepares the standby of its backup meanwhile: a rollback is possible, and there is time. */
    private boolean preparesStandby() {
        return !plan.watch().isZero() && plan.previous() != null && !env.datastores().isEmpty();
    }

    /** The standby being prepared, or null: the deploy's rollback waits for it and uses it. */
    StandbyTask standbyTask() {
        return standby.task();
    }

    /** Why the deploy did not prepare its standby (no room for its copies), or null. */
    StandbyTask.Wait standbySkipped() {
        return standby.skipped();
    }

    /**
     * The standby preparation of a deploy that went live: the one its watch started, or one started now when the
     * deploy resumed past its watch; null when the deploy prepares none.
     */
    StandbyTask standbyAfterLive(List<RunStep> journal) {
        if (preparesStandby()) {
            standby.start(new StepContext(journal, clock.instant()));
        }
        return standby.task();
    }

    private String previousVersion() {
        return plan.previous() == null ? "the environment" : plan.previous().version();
    }

    private void hook(List<Step> steps, String name, String command) {
        if (command != null) {
            steps.add(Step.of("hook " + name, "run `" + command + "`",
                    () -> Hooks.run(plan.environment(), name, command, projectDir, processEnv)));
        }
    }

    private Object preflight() {
        List<String> problems = new ArrayList<>();
        drivers.forEach((c, driver) -> driver.checkRelease(plan.version()).ifPresent(p -> problems.add(c + ": " + p)));
        checkDisk(problems);
        for (var datastore : env.datastores().entrySet()) {
            if (datastore.getValue() instanceof DatastoreConfig.Postgres pg) {
                try {
                    new ShadowRestore(processEnv.get("PATH")).check(pg.postgres(), pg.strategy() == DatastoreConfig.Strategy.DUMP);
                } catch (RewindException e) {
                    problems.add(datastore.getKey() + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RewindException(ErrorCode.FAILED, "preflight found " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "; nothing was changed:\n  - " + String.join("\n  - ", problems));
        }
        Map<String, String> active = new LinkedHashMap<>();
        drivers.forEach((c, driver) -> active.put(c, driver.activeVersion().orElse(null)));
        return Map.of("active_versions", active);
    }

    /**
     * Free disk for the backup: min_free_disk, and twice the last backup. A standby's copies are not counted: the
     * standby is optional, and a deploy without room for it skips it ({@link DeployStandby}).
     */
    private void checkDisk(List<String> problems) {
        long lastBackup = store.backupSets(plan.environment()).stream()
                .filter(s -> s.status() == BackupStatus.COMPLETE).findFirst().map(BackupSet::sizeBytes).orElse(0L);
        problems.addAll(new DiskNeeds(DiskNeeds.FreeSpace.USABLE).add(backups.layout().root(),
                Math.max(env.minFreeDisk().bytes(), 2 * lastBackup), "min_free_disk " + env.minFreeDisk()
                        + ", and twice the last backup").problems());
    }

    /**
     * Records the release once nothing can fail without a change any more, so a deploy that fails in preflight or in
     * its backup leaves no release behind that a later rollback would mistake for the current one.
     */
    private Object recordRelease(StepContext context) {
        if (store.release(plan.releaseId()).isEmpty()) {
            Map<String, String> artifacts = new LinkedHashMap<>();
            plan.components().forEach(c -> artifacts.put(c, plan.version()));
            String backup = context.output("backup").path("backup").textValue();
            store.insertRelease(new Release(plan.releaseId(), plan.environment(), plan.version(), artifacts, actor,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), null, ReleaseStatus.DEPLOYING, backup, plan.note()));
        }
        return Map.of("release", plan.releaseId());
    }

    private Object backup(boolean online) throws Exception {
        // A thread of its own: on the common pool the watcher would starve the HTTP client's completions.
        FutureTask<Map<String, Double>> baseline = new FutureTask<>(online && plan.measureBaseline() ? this::baseline
                : Map::of);
        Thread.ofVirtual().name("rewind-baseline").start(baseline);
        Backups.Options options = Backups.Options.defaults(processEnv.get("PATH"));
        Backups.Taken taken = backups.take(plan.environment(), env, plan.previous() == null ? null : plan.previous().id(),
                new Backups.Options(!online, options.jobs(), options.toolPath()), listener.progress());
        if (!online) {
            store.updateReleaseBackup(plan.releaseId(), taken.set().id());
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("backup", taken.set().id());
        output.put("size_bytes", taken.set().sizeBytes());
        output.put("took", taken.duration());
        output.put("baseline", baseline.get());
        return output;
    }

    private Object baselineOnly() {
        return Map.of("baseline", baseline());
    }

    /**
     * Measures the live release and saves its baseline, against which the new release's rules compare: only for a
     * release that has none from a watch of its own (a release's baseline is saved when its watch ends healthy).
     */
    private Map<String, Double> baseline() {
        if (plan.previous() == null) {
            return Map.of();
        }
        Watcher.Outcome outcome = new Watcher(plan.environment(), env, projectDir, store, clock)
                .watch(BASELINE_SAMPLE, Duration.ofSeconds(1), d -> { }, verdict -> false);
        Map<String, Double> values = Baseline.capture(outcome.snapshot());
        store.saveBaseline(plan.previous().id(), values);
        return values;
    }

    private Object announceStart() {
        Map<String, Object> values = versions();
        values.put("reason", "deploy by " + actor);
        announcer.announce(Announcement.Event.DEPLOY_STARTED, values);
        return null;
    }

    private Map<String, Object> versions() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("current_version", plan.previous() == null ? "nothing live" : plan.previous().version());
        values.put("target_version", plan.version());
        return values;
    }

    /** What an announcement of a trigger says: the versions, why, and the rule with its values if the policy fired. */
    Map<String, Object> triggerValues(String trigger) {
        Map<String, Object> values = versions();
        if (plan.previous() != null) {
            values.put("target_version", plan.previous().version());
            values.put("current_version", plan.version());
        }
        values.put("reason", trigger);
        if (lastDecision != null && lastDecision.verdict().isRollback()) {
            values.put("rule", lastDecision.rule());
            values.put("verdict", lastDecision.verdict().name());
            lastDecision.rules().stream().filter(r -> r.name().equals(lastDecision.rule())).findFirst()
                    .ifPresent(r -> values.put("rule_values", r.values()));
        }
        return values;
    }

    private Object start(String component) throws InterruptedException {
        var action = drivers.get(component).start();
        List<Probe> probes = Probes.of(env, projectDir).all().stream().filter(p -> p.component().equals(component)).toList();
        Duration healthyAfter = HealthWait.await(component, probes, env.components().get(component).startTimeout());
        return Map.of("action", action, "healthy_after", healthyAfter);
    }

    private Object verify() {
        VerifyResult result = new Verifier(plan.environment(), env, projectDir).verify(VerifyScope.liveOnly());
        if (!result.ok()) {
            throw new RewindException(ErrorCode.FAILED, "post-deploy verification failed:\n  - " + result.failed().stream()
                    .map(c -> c.kind() + " " + c.name() + ": " + c.detail()).collect(Collectors.joining("\n  - ")));
        }
        return result;
    }

    /** Watches for what remains of the window (a resumed watch keeps its end); a ROLLBACK decision fails the step. */
    private Object watch(StepContext context) {
        if (preparesStandby()) {
            standby.start(context);
        }
        Duration remaining = plan.watch().minus(Duration.between(context.firstTry(), clock.instant()));
        if (remaining.isNegative()) {
            remaining = Duration.ZERO;
        }
        Set<String> announcedHolds = new HashSet<>();
        Watcher.Outcome outcome = new Watcher(plan.environment(), env, projectDir, store, clock)
                .watch(remaining.isZero() ? Duration.ofSeconds(1) : remaining, Duration.ofSeconds(1),
                        decision -> announceHeld(decision, announcedHolds), Verdict::isRollback);
        PolicyDecision decision = outcome.decision();
        lastDecision = decision;
        store.insertDecision(new Decision(Ids.decision(), plan.environment(), plan.releaseId(),
                decision.at().truncatedTo(ChronoUnit.MILLIS), decision.verdict().name(), Json.write(decision.rules()),
                decision.hold() == null ? null : decision.hold().id()));
        if (decision.verdict().isRollback()) {
            throw new RewindException(ErrorCode.ROLLBACK_NEEDED, "the policy decided " + decision.verdict() + ": "
                    + decision.reason());
        }
        Map<String, Double> baseline = Baseline.capture(outcome.snapshot());
        if (!baseline.isEmpty()) {
            store.saveBaseline(plan.releaseId(), baseline);
        }
        return Map.of("decision", decision.verdict(), "rule", String.valueOf(decision.rule()), "reason",
                String.valueOf(decision.reason()), "decisions", outcome.steps(), "baseline", baseline);
    }

    /** A ROLLBACK turned into MONITOR by a hold is announced once per hold, not acted on. */
    private void announceHeld(PolicyDecision decision, Set<String> announced) {
        if (decision.hold() != null && decision.rule() != null && announced.add(decision.hold().id())) {
            Map<String, Object> values = versions();
            values.put("verdict", decision.verdict() + " (ROLLBACK held: " + decision.hold().reason() + ", by "
                    + decision.hold().createdBy() + " until " + decision.hold().expiresAt() + "; not rolling back)");
            values.put("rule", decision.rule());
            values.put("reason", decision.reason());
            announcer.announce(Announcement.Event.DECISION, values);
        }
    }

    private Object recordLive() {
        store.updateReleaseStatus(plan.releaseId(), ReleaseStatus.LIVE);
        return Map.of(plan.releaseId(), ReleaseStatus.LIVE);
    }

    private Object announceResult(StepContext context) {
        Map<String, Object> values = versions();
        values.put("checks", Json.mapper().convertValue(context.output("verify").path("checks"), List.class));
        announcer.announce(Announcement.Event.DEPLOY_COMPLETED, values);
        return null;
    }

    /** Whether a failure at this step has changed the environment, so that the deploy must roll back. */
    static boolean changedBy(List<Step> steps, String failedStep) {
        List<String> names = steps.stream().map(Step::name).toList();
        return names.indexOf(failedStep) >= names.indexOf(FIRST_CHANGE);
    }
}
