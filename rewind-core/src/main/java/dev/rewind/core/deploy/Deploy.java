package dev.rewind.core.deploy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.Backups;
import dev.rewind.core.backup.StandbyTask;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.internal.DependencyOrder;
import dev.rewind.core.notify.Announcement;
import dev.rewind.core.notify.RunAnnouncer;
import dev.rewind.core.rollback.Rollback;
import dev.rewind.core.rollback.RollbackRequest;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.EnvironmentLock;
import dev.rewind.core.workflow.Step;
import dev.rewind.core.workflow.Workflow;
import dev.rewind.core.workflow.WorkflowListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deploy with a safety net, as a journaled, resumable run under the environment's lock. Any trigger (a failed
 * hook or start, probes not healthy within {@code start_timeout}, a failed verification, or the policy during the
 * watch) rolls back at once to the release that was live, as a rollback run linked to the deploy.
 */
public final class Deploy {

    private final String environment;
    private final EnvironmentConfig env;
    private final Path projectDir;
    private final Map<String, String> processEnv;
    private final StateStore store;
    private final Backups backups;
    private final Clock clock;

    public Deploy(String environment, EnvironmentConfig env, Path projectDir, Map<String, String> processEnv,
                  StateStore store, Backups backups, Clock clock) {
        this.environment = environment;
        this.env = env;
        this.projectDir = projectDir;
        this.processEnv = Map.copyOf(processEnv);
        this.store = store;
        this.backups = backups;
        this.clock = clock;
    }

    /** The plan, printed; changes nothing. */
    public DeployResult dryRun(DeployRequest request) {
        Optional<Run> resumed = resumable(request);
        DeployPlan plan = resumed.map(this::saved).orElseGet(() -> plan(request));
        return new DeployResult(resumed.map(Run::id).orElse(null), environment, plan.version(), "planned", null, plan.previous(), null,
                null, null, List.of(), descriptions(steps(plan, request.actor(), WorkflowListener.NONE, null).steps()),
                null, null, null);
    }

    /** Deploys (or resumes a deploy) to its end; on a trigger, rolls back unless told not to. */
    public DeployResult run(DeployRequest request, WorkflowListener listener, String haltAfter) {
        Optional<Run> resumed = resumable(request);
        String runId = resumed.map(Run::id).orElseGet(Ids::run);
        DeployPlan plan;
        List<RunStep> journal;
        List<Step> steps;
        String trigger = null;
        DeploySteps deploySteps = null;
        DeployResult live = null;
        try {
            try (EnvironmentLock lock = EnvironmentLock.acquire(store, environment, runId, "deploy by " + request.actor(), clock)) {
                Run run;
                if (resumed.isPresent()) {
                    run = resumed.get();
                    plan = saved(run);
                    store.reopenRun(run.id());
                    audit(request.actor(), "deploy.resumed", runId);
                    listener.message("resuming " + runId + " (" + Rollback.progressLine(store.steps(runId)) + ")");
                } else {
                    plan = plan(request);
                    run = new Run(runId, environment, RunKind.DEPLOY, RunStatus.RUNNING, request.actor(), now(), null,
                            plan.previous() == null ? null : plan.previous().id(), plan.releaseId(), null,
                            Json.write(plan.saved()), null);
                    store.insertRun(run);
                    audit(request.actor(), "deploy.started", runId);
                }
                try (RunAnnouncer announcer = new RunAnnouncer(environment, env, projectDir, runId, store, clock, listener)) {
                    WorkflowListener announcing = announcer.stepsTo(listener);
                    deploySteps = steps(plan, request.actor(), announcing, announcer);
                    steps = deploySteps.steps();
                    journal = new Workflow(store, clock, haltAfter).execute(run, steps, lock, announcing);
                    Optional<RunStep> failed = journal.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst();
                    if (failed.isEmpty()) {
                        live = finish(runId, plan, RunStatus.SUCCEEDED, "live", null, null, journal, steps, null, request.actor());
                    } else {
                        String error = failed.get().error();
                        trigger = error.startsWith(failed.get().name()) ? error : failed.get().name() + ": " + error;
                        boolean changed = DeploySteps.changedBy(steps, failed.get().name());
                        if (!changed || plan.previous() == null) {
                            String resume = "rewind deploy " + environment + " " + plan.version() + " --resume " + runId;
                            StandbyTask.Wait standby = stopStandby(deploySteps, listener);
                            markFailed(plan);
                            return finish(runId, plan, RunStatus.FAILED, "failed", trigger, null, journal, steps,
                                    changed ? null : resume, request.actor()).withStandby(standby);
                        }
                        markFailed(plan);
                        Map<String, Object> values = deploySteps.triggerValues(trigger);
                        if (!request.autoRollback()) {
                            values.put("verdict", "ROLLBACK (not acted on: --no-auto-rollback; run `rewind rollback " + environment + "`)");
                            announcer.announce(Announcement.Event.DECISION, values);
                            StandbyTask.Wait standby = stopStandby(deploySteps, listener);
                            return finish(runId, plan, RunStatus.FAILED, "rollback_needed", trigger, null, journal, steps,
                                    null, request.actor()).withStandby(standby);
                        }
                        announcer.announce(Announcement.Event.ROLLBACK_TRIGGERED, values);
                        finish(runId, plan, RunStatus.FAILED, "rolled_back", trigger, null, journal, steps, null, request.actor());
                    }
                }
            }
            if (live != null) {
                StandbyTask preparing = deploySteps.standbyAfterLive(journal);
                return live.withStandby(preparing == null ? deploySteps.standbySkipped()
                        : awaitStandby(preparing, listener));
            }
            RollbackResult rollback = new Rollback(environment, env, projectDir, processEnv, store, backups, clock)
                    .awaiting(deploySteps.standbyTask()).run(RollbackRequest.automatic(plan.previous().id(),
                            "automatic, deploy " + runId + ": " + trigger, request.actor(), runId), listener, haltAfter);
            return result(runId, plan, rollback.succeeded() ? "rolled_back" : "failed", trigger, rollback, journal,
                    steps, null);
        } finally {
            if (deploySteps != null && deploySteps.standbyTask() != null && !deploySteps.standbyTask().done()) {
                deploySteps.standbyTask().stop(); // a deploy that threw, or a rollback that ended before its prepare
            }
        }
    }

    /**
     * A deploy that went live waits for the standby its watch was preparing, for a later rollback, but no longer under
     * the environment's lock: the release is live and verified, and an operator who wants to roll it back must not
     * get exit 5 for the length of a restore. A rollback run meanwhile restores from the set, as without a standby.
     * Interrupting the thread (a server stopping) stops the preparation and removes what it made.
     */
    private StandbyTask.Wait awaitStandby(StandbyTask preparing, WorkflowListener listener) {
        if (preparing == null) {
            return null;
        }
        listener.message("finishing the standby of " + preparing.setId() + " for a later rollback; " + environment
                + " is not locked meanwhile (interrupted, it leaves half-made copies that the next preparation or"
                + " `rewind prune " + environment + " --yes` removes; `rewind backup " + environment + " --standby`"
                + " makes one later)");
        listener.interruptible();
        StandbyTask.Wait waited = preparing.await();
        if (waited.failure() != null) {
            listener.message("the standby of " + preparing.setId() + " was not prepared: " + waited.failure());
        }
        return waited;
    }

    /**
     * A deploy that ends without rolling back (rollback needed, or failed) ends at once: a standby still being
     * prepared is stopped and what it made removed, so that the operator's `rewind rollback` is neither locked out
     * nor slowed by it; one already ready stays, and that rollback uses it.
     */
    private StandbyTask.Wait stopStandby(DeploySteps steps, WorkflowListener listener) {
        StandbyTask preparing = steps.standbyTask();
        if (preparing == null) {
            return steps.standbySkipped();
        }
        long started = System.nanoTime();
        boolean ended = preparing.done();
        String failure = null;
        if (!preparing.stop()) {
            failure = ended ? preparing.failure()
                    : "the standby was not finished; `rewind rollback " + environment + "` restores from the set";
            listener.message((ended ? "the standby of " + preparing.setId() + " was not prepared: "
                    : "stopped preparing the standby of " + preparing.setId() + ": ") + failure);
        }
        return new StandbyTask.Wait(preparing.setId(), Duration.ofNanos(System.nanoTime() - started), failure);
    }

    /** A deploy that failed or was rolled back leaves its release FAILED until the rollback marks it. */
    private void markFailed(DeployPlan plan) {
        store.release(plan.releaseId()).filter(r -> r.status() == ReleaseStatus.DEPLOYING)
                .ifPresent(r -> store.updateReleaseStatus(r.id(), ReleaseStatus.FAILED));
    }

    private DeployResult finish(String runId, DeployPlan plan, RunStatus status, String outcome, String trigger,
                                RollbackResult rollback, List<RunStep> journal, List<Step> steps, String resume,
                                String actor) {
        store.finishRun(runId, status, now(), trigger == null ? null : outcome.replace('_', ' ') + ": " + trigger);
        audit(actor, status == RunStatus.SUCCEEDED ? "deploy.completed" : "deploy." + outcome, runId);
        return result(runId, plan, outcome, trigger, rollback, journal, steps, resume);
    }

    private DeployResult result(String runId, DeployPlan plan, String status, String trigger, RollbackResult rollback,
                                List<RunStep> journal, List<Step> steps, String resume) {
        Release release = store.release(plan.releaseId()).orElse(null);
        Run run = store.run(runId).orElseThrow();
        return new DeployResult(runId, environment, plan.version(), status, release,
                plan.previous() == null ? null : store.release(plan.previous().id()).orElse(null),
                release == null || release.backupId() == null ? null : store.backupSet(release.backupId()).orElse(null),
                trigger, rollback, journal, descriptions(steps),
                run.finishedAt() == null ? null : Duration.between(run.startedAt(), run.finishedAt()), resume, null);
    }

    private DeployPlan plan(DeployRequest request) {
        if (request.version() == null || request.version().isBlank()) {
            throw new RewindException(ErrorCode.USAGE, "a deploy needs a version\n    fix: rewind deploy " + environment + " VERSION");
        }
        Release previous = store.liveRelease(environment).orElse(null);
        boolean backupFirst = env.datastores().values().stream().noneMatch(d -> d instanceof DatastoreConfig.Postgres pg
                && pg.strategy() == DatastoreConfig.Strategy.CLONE);
        Duration watch = request.watch() == null ? env.watch() : request.watch();
        boolean measureBaseline = previous != null && !watch.isZero() && store.baseline(previous.id()).isEmpty();
        return new DeployPlan(environment, request.version(), Ids.release(), previous,
                DependencyOrder.of(env.components()), watch, backupFirst, measureBaseline, request.note());
    }

    private DeployPlan saved(Run run) {
        DeployPlan.Saved saved = Json.read(run.planJson(), DeployPlan.Saved.class);
        return new DeployPlan(environment, saved.version(), saved.releaseId(),
                saved.previous() == null ? null : store.release(saved.previous()).orElse(null), saved.components(),
                Duration.ofMillis(saved.watchMillis()), saved.backupFirst(), saved.measureBaseline(), saved.note());
    }

    /** The deploy a request resumes: the one named, or the environment's interrupted one whose process is gone. */
    private Optional<Run> resumable(DeployRequest request) {
        if (request.resume() != null) {
            Run run = store.run(request.resume()).orElseThrow(() -> new RewindException(ErrorCode.USAGE, "--resume "
                    + request.resume() + ": no such run\n    fix: see the runs with `rewind runs " + environment + "`"));
            boolean resumable = run.status() == RunStatus.RUNNING || run.status() == RunStatus.FAILED && changedNothing(run);
            if (!run.environment().equals(environment) || run.kind() != RunKind.DEPLOY || !resumable) {
                throw new RewindException(ErrorCode.USAGE, "--resume " + run.id() + " is a " + run.status() + " "
                        + run.kind() + " run of " + run.environment() + "; only an interrupted deploy of " + environment
                        + ", or one that failed before it changed anything, can be resumed"
                        + "\n    fix: see `rewind run " + run.id() + "`");
            }
            return Optional.of(run);
        }
        Optional<Run> interrupted = interrupted();
        if (interrupted.isPresent() && request.version() != null) {
            String version = saved(interrupted.get()).version();
            if (!version.equals(request.version())) {
                String id = interrupted.get().id();
                throw new RewindException(ErrorCode.USAGE, "deploy " + id + " of " + version + " to " + environment
                        + " was interrupted; it goes on before another version is deployed, not " + request.version()
                        + " in its place\n    fix: `rewind deploy " + environment + " --resume " + id + "` (it continues"
                        + " from its journal: live, or rolled back), then " + ("drill".equals(request.note())
                        ? "`rewind drill " + environment + "` again" : "`rewind deploy " + environment + " "
                        + request.version() + "`"));
            }
        }
        return interrupted;
    }

    /** Whether the run failed before its first change (in preflight or backup), so that it may simply go on. */
    private boolean changedNothing(Run run) {
        return store.steps(run.id()).stream()
                .noneMatch(s -> s.name().equals(DeploySteps.FIRST_CHANGE) && s.startedAt() != null);
    }

    /** The environment's deploy that was interrupted (still RUNNING, its process gone), if any. */
    public Optional<Run> interrupted() {
        return store.runsInFlight().stream()
                .filter(r -> r.environment().equals(environment) && r.kind() == RunKind.DEPLOY)
                .filter(r -> store.lease(environment).map(l -> !l.runId().equals(r.id()) || EnvironmentLock.holderGone(l))
                        .orElse(true))
                .findFirst();
    }

    private DeploySteps steps(DeployPlan plan, String actor, WorkflowListener listener, RunAnnouncer announcer) {
        return new DeploySteps(plan, actor, announcer, env, projectDir, processEnv, store, backups, clock, listener);
    }

    private static Map<String, String> descriptions(List<Step> steps) {
        Map<String, String> plan = new LinkedHashMap<>();
        steps.forEach(s -> plan.put(s.name(), s.description()));
        return plan;
    }

    private void audit(String actor, String action, String runId) {
        store.appendEvent(new Event(Ids.event(), now(), actor, environment, action, runId, null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
