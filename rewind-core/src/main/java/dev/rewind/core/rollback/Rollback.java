package dev.rewind.core.rollback;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.Backups;
import dev.rewind.core.backup.Restorer;
import dev.rewind.core.backup.SetVerification;
import dev.rewind.core.backup.StandbyTask;
import dev.rewind.core.backup.StandbyUse;
import dev.rewind.core.backup.Standbys;
import dev.rewind.core.config.Durations;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.driver.DriverContext;
import dev.rewind.core.driver.Drivers;
import dev.rewind.core.notify.Announcement;
import dev.rewind.core.notify.RunAnnouncer;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.verify.Verifier;
import dev.rewind.core.verify.VerifyResult;
import dev.rewind.core.verify.VerifyScope;
import dev.rewind.core.workflow.EnvironmentLock;
import dev.rewind.core.workflow.Step;
import dev.rewind.core.workflow.Workflow;
import dev.rewind.core.workflow.WorkflowListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rollback of one environment as a journaled, resumable run under the environment's lock. A plain rollback
 * resumes the environment's unfinished rollback (interrupted or failed) when it still applies; {@code --resume RUN}
 * names one. Nothing is dropped: the replaced live databases and directories are kept under the run's id.
 */
public final class Rollback {

    private final String environment;
    private final EnvironmentConfig env;
    private final Path projectDir;
    private final Map<String, String> processEnv;
    private final StateStore store;
    private final Backups backups;
    private final Clock clock;
    private final RollbackPlanner planner;
    private final StandbyTask preparing;

    public Rollback(String environment, EnvironmentConfig env, Path projectDir, Map<String, String> processEnv,
                    StateStore store, Backups backups, Clock clock) {
        this(environment, env, projectDir, processEnv, store, backups, clock, null);
    }

    private Rollback(String environment, EnvironmentConfig env, Path projectDir, Map<String, String> processEnv,
                     StateStore store, Backups backups, Clock clock, StandbyTask preparing) {
        this.environment = environment;
        this.env = env;
        this.projectDir = projectDir;
        this.processEnv = Map.copyOf(processEnv);
        this.store = store;
        this.backups = backups;
        this.clock = clock;
        this.planner = new RollbackPlanner(environment, env, store);
        this.preparing = preparing;
    }

    /**
     * This rollback, its prepare step first waiting for {@code preparing} to end: a deploy's rollback uses the standby
     * the deploy started preparing during its watch, rather than restoring the same set a second time.
     */
    public Rollback awaiting(StandbyTask preparing) {
        return new Rollback(environment, env, projectDir, processEnv, store, backups, clock, preparing);
    }

    /** The plan the request would run: the resumed run's, or a new one. Changes nothing. */
    public RollbackPlan plan(RollbackRequest request) {
        return resumable(request).map(planner::saved).orElseGet(() -> planner.plan(request));
    }

    /** The plan, with the backup set verified and the target's artifacts checked; changes nothing. */
    public RollbackResult dryRun(RollbackRequest request) {
        Optional<Run> resumed = resumable(request);
        RollbackPlan plan = resumed.map(planner::saved).orElseGet(() -> planner.plan(request));
        RollbackSteps steps = steps(plan, resumed.map(Run::id).orElse(null), WorkflowListener.NONE, null);
        List<String> problems = new ArrayList<>();
        contexts(plan).forEach((c, context) -> Drivers.of(context).checkRelease(RollbackPlan.versionOf(plan.to(), c))
                .ifPresent(p -> problems.add(c + ": " + p)));
        Map<String, StandbyUse> standby = null;
        if (plan.backup() != null) {
            SetVerification verification = backups.verify(plan.backup(), env, WorkflowListener.NONE.progress());
            problems.addAll(verification.problems());
            standby = standbys().check(plan.backup(), env, plan.datastores());
        }
        return new RollbackResult(resumed.map(Run::id).orElse(null), environment, "planned", resumed.isPresent(),
                plan.from(), plan.to(), plan.backup(), backupAge(plan), problems, standby, plan.components(),
                plan.datastores(), resumed.isPresent() ? steps.kept() : Map.of(), List.of(), descriptions(steps.steps()),
                null, null, null, null);
    }

    /** Runs (or resumes) the rollback to its end or its first failing step. */
    public RollbackResult run(RollbackRequest request, WorkflowListener listener, String haltAfter) {
        Optional<Run> resumed = resumable(request);
        String runId = resumed.map(Run::id).orElseGet(Ids::run);
        try (EnvironmentLock lock = EnvironmentLock.acquire(store, environment, runId, "rollback by " + request.actor(), clock)) {
            Run run;
            RollbackPlan plan;
            if (resumed.isPresent()) {
                run = resumed.get();
                plan = planner.saved(run);
                store.reopenRun(run.id());
                audit(request.actor(), "rollback.resumed", run.id());
                listener.message("resuming " + run.id() + " (" + progressLine(store.steps(run.id())) + ")");
            } else {
                plan = planner.plan(request);
                run = new Run(runId, environment, RunKind.ROLLBACK, RunStatus.RUNNING, request.actor(), now(), null,
                        plan.from().id(), plan.to().id(), request.parent(), Json.write(plan.saved()), null);
                store.insertRun(run);
                abandonOthers(runId);
                audit(request.actor(), "rollback.started", runId);
            }
            RollbackSteps steps;
            List<RunStep> journal;
            Optional<RunStep> failed;
            String resume;
            try (RunAnnouncer announcer = new RunAnnouncer(environment, env, projectDir, runId, store, clock, listener)) {
                WorkflowListener announcing = announcer.stepsTo(listener);
                steps = steps(plan, runId, announcing, announcer);
                journal = new Workflow(store, clock, haltAfter).execute(run, steps.steps(), lock, announcing);
                failed = journal.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst();
                resume = failed.isPresent() ? "rewind rollback " + environment + " --resume " + runId : null;
                if (failed.isPresent()) {
                    Map<String, Object> values = steps.versions();
                    values.put("step", failed.get().name());
                    values.put("error", failed.get().error());
                    values.put("resume_command", resume);
                    values.put("kept", List.copyOf(swapped(steps.kept(), journal).values()));
                    announcer.announce(Announcement.Event.ROLLBACK_FAILED, values);
                }
            }
            String error = failed.map(s -> "step '" + s.name() + "' failed: " + s.error()).orElse(null);
            store.finishRun(runId, failed.isPresent() ? RunStatus.FAILED : RunStatus.SUCCEEDED, now(), error);
            audit(request.actor(), failed.isPresent() ? "rollback.failed" : "rollback.completed", runId);
            Run finished = store.run(runId).orElseThrow();
            return new RollbackResult(runId, environment, failed.isPresent() ? "failed" : "succeeded", resumed.isPresent(),
                    store.release(plan.from().id()).orElse(plan.from()), store.release(plan.to().id()).orElse(plan.to()),
                    plan.backup(), backupAge(plan), List.of(), null, plan.components(), plan.datastores(),
                    swapped(steps.kept(), journal), journal, descriptions(steps.steps()), downtime(journal),
                    Duration.between(finished.startedAt(), finished.finishedAt()), error, resume);
        }
    }

    /**
     * Verifies the environment now. When its live release was reached by a rollback, the datastores that rollback
     * restored are compared with its backup set (right after a rollback they match; later writes show as
     * differences), and each component's log is read from where its process started.
     */
    public VerifyResult verify() {
        Optional<String> live = store.liveRelease(environment).map(Release::id);
        Optional<RollbackPlan> restored = store.runs(environment).stream()
                .filter(r -> r.kind() == RunKind.ROLLBACK && r.status() == RunStatus.SUCCEEDED).findFirst()
                .filter(r -> live.equals(Optional.ofNullable(r.toRelease())))
                .map(planner::saved)
                .filter(p -> p.backup() != null);
        VerifyScope scope = new VerifyScope(restored.map(p -> backups.manifest(p.backup())).orElse(null),
                restored.map(p -> Set.copyOf(p.datastores())).orElse(Set.of()),
                LogRanges.of(env.components().keySet().stream().map(this::context).toList()));
        return new Verifier(environment, env, projectDir).verify(scope);
    }

    /**
     * The run a request resumes: the one named by {@code --resume}, or else the environment's newest rollback if it
     * is unfinished and still about the current release (a plain {@code rollback} after an interruption).
     */
    private Optional<Run> resumable(RollbackRequest request) {
        if (request.resume() != null) {
            Run run = store.run(request.resume()).orElseThrow(() -> new RewindException(ErrorCode.USAGE, "--resume "
                    + request.resume() + ": no such run\n    fix: see the runs with `rewind runs " + environment + "`"));
            if (!run.environment().equals(environment) || run.kind() != RunKind.ROLLBACK) {
                throw new RewindException(ErrorCode.USAGE, "--resume " + run.id() + " is a " + run.kind() + " run of "
                        + run.environment() + ", not a rollback of " + environment
                        + "\n    fix: see the runs with `rewind runs " + environment + "`");
            }
            if (run.status() == RunStatus.SUCCEEDED || run.status() == RunStatus.CANCELLED) {
                throw new RewindException(ErrorCode.USAGE, "run " + run.id() + " already " + run.status()
                        + "; there is nothing to resume\n    fix: start a new rollback without --resume");
            }
            return Optional.of(run);
        }
        if (request.to() != null || !request.only().isEmpty()) {
            return Optional.empty();
        }
        List<String> current = List.of(store.liveRelease(environment).map(Release::id).orElse(""),
                planner.currentId().orElse(""));
        return store.runs(environment).stream().filter(r -> r.kind() == RunKind.ROLLBACK).findFirst()
                .filter(r -> r.status() == RunStatus.RUNNING || r.status() == RunStatus.FAILED)
                .filter(r -> current.contains(r.fromRelease()) || current.contains(r.toRelease()));
    }

    /** Interrupted rollbacks of the environment that a new run replaces are closed as failed. */
    private void abandonOthers(String runId) {
        store.runsInFlight().stream()
                .filter(r -> r.environment().equals(environment) && !r.id().equals(runId) && r.kind() == RunKind.ROLLBACK)
                .forEach(r -> store.finishRun(r.id(), RunStatus.FAILED, now(), "interrupted; " + runId + " took over "
                        + environment));
    }

    private RollbackSteps steps(RollbackPlan plan, String runId, WorkflowListener listener, RunAnnouncer announcer) {
        String path = processEnv.get("PATH");
        Restorer restorer = new Restorer(backups, backups.layout(), projectDir, Backups.Options.defaults(path));
        return new RollbackSteps(plan, runId, env, projectDir, contexts(plan), backups, restorer, standbys(), preparing,
                store, path, listener, announcer, eta());
    }

    private Standbys standbys() {
        return new Standbys(backups, projectDir, Backups.Options.defaults(processEnv.get("PATH")), clock);
    }

    private Map<String, DriverContext> contexts(RollbackPlan plan) {
        Map<String, DriverContext> contexts = new LinkedHashMap<>();
        plan.components().forEach(c -> contexts.put(c, context(c)));
        return contexts;
    }

    private DriverContext context(String component) {
        return new DriverContext(environment, component, env.components().get(component), projectDir, processEnv);
    }

    private Duration backupAge(RollbackPlan plan) {
        return plan.backup() == null ? null : Duration.between(plan.backup().createdAt(), now());
    }

    /** From the last rollbacks' durations: {@code about 14s (the last 3 rollbacks)}. */
    private String eta() {
        List<Duration> last = store.runs(environment).stream()
                .filter(r -> r.kind() == RunKind.ROLLBACK && r.status() == RunStatus.SUCCEEDED && r.finishedAt() != null)
                .limit(3).map(r -> Duration.between(r.startedAt(), r.finishedAt())).toList();
        if (last.isEmpty()) {
            return "unknown (the first rollback of " + environment + ")";
        }
        Duration average = last.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(last.size());
        return "about " + Durations.format(average.truncatedTo(ChronoUnit.SECONDS)) + " (the last "
                + (last.size() == 1 ? "rollback" : last.size() + " rollbacks") + ")";
    }

    /** Where the replaced live copies are kept: those of the datastores the run has swapped. */
    private static Map<String, String> swapped(Map<String, String> kept, List<RunStep> journal) {
        Map<String, String> swapped = new LinkedHashMap<>();
        kept.forEach((datastore, name) -> {
            if (journal.stream().anyMatch(s -> s.name().equals("swap " + datastore) && s.status() == StepStatus.DONE)) {
                swapped.put(datastore, name);
            }
        });
        return swapped;
    }

    /** First component stopped (or datastore swapped) → last component healthy (or datastore swapped). */
    public static Duration downtime(List<RunStep> journal) {
        Instant first = null;
        Instant last = null;
        for (RunStep step : journal) {
            boolean opens = step.name().startsWith("stop ") || step.name().startsWith("swap ");
            boolean closes = step.name().startsWith("start ") || step.name().startsWith("swap ");
            if (opens && first == null) {
                first = step.startedAt();
            }
            if (closes) {
                if (step.status() != StepStatus.DONE) {
                    return null;
                }
                last = step.finishedAt();
            }
        }
        return first == null || last == null ? null : Duration.between(first, last);
    }

    private static Map<String, String> descriptions(List<Step> steps) {
        Map<String, String> plan = new LinkedHashMap<>();
        steps.forEach(s -> plan.put(s.name(), s.description()));
        return plan;
    }

    /** {@code 4 of 13 steps done, interrupted at 'prepare db'}. */
    public static String progressLine(List<RunStep> journal) {
        long done = journal.stream().filter(s -> s.status() == StepStatus.DONE).count();
        String at = journal.stream().filter(s -> s.status() == StepStatus.RUNNING || s.status() == StepStatus.FAILED)
                .findFirst().map(s -> ", " + (s.status() == StepStatus.RUNNING ? "interrupted" : "failed") + " at '"
                        + s.name() + "'").orElse("");
        return done + " of " + journal.size() + " steps done" + at;
    }

    private void audit(String actor, String action, String runId) {
        store.appendEvent(new Event(Ids.event(), now(), actor, environment, action, runId, null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
