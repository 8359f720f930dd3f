package dev.rewind.core.report.internal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs an incident report is about, read from the store: the rollback, and the run that started it (a deploy or
 * drill); or a deploy and the rollback it started, if any.
 *
 * @param parent        the deploy (or drill) run, or null for a rollback an operator or a watch started
 * @param rollback      the rollback run, or null when the deploy did not roll back
 * @param parentSteps   the parent's journal
 * @param rollbackSteps the rollback's journal
 * @param plan          the rollback's saved plan, or null without a rollback
 * @param events        every event about either run, the parent's first, each oldest first
 */
public record Incident(Run parent, Run rollback, List<RunStep> parentSteps, List<RunStep> rollbackSteps,
                       SavedPlan plan, List<Event> events) {

    /** The runs around {@code runId}; an unknown run is a USAGE error that says how to list the runs. */
    public static Incident resolve(StateStore store, String runId) {
        Run asked = store.run(runId).orElseThrow(() -> new RewindException(ErrorCode.USAGE, "no run " + runId
                + " in the state store " + store.location() + "\n    fix: list the runs with `rewind runs ENV`"));
        Run parent;
        Run rollback;
        if (asked.kind() == RunKind.ROLLBACK) {
            rollback = asked;
            parent = asked.parentRunId() == null ? null : store.run(asked.parentRunId()).orElse(null);
        } else {
            parent = asked;
            rollback = store.runs(asked.environment()).stream()
                    .filter(r -> r.kind() == RunKind.ROLLBACK && asked.id().equals(r.parentRunId()))
                    .findFirst().orElse(null);
        }
        List<Event> events = new ArrayList<>();
        if (parent != null) {
            events.addAll(store.eventsAbout(parent.id()));
        }
        if (rollback != null) {
            events.addAll(store.eventsAbout(rollback.id()));
        }
        return new Incident(parent, rollback, parent == null ? List.of() : store.steps(parent.id()),
                rollback == null ? List.of() : store.steps(rollback.id()),
                rollback == null || rollback.planJson() == null ? null : SavedPlan.read(rollback.planJson()), events);
    }

    public Incident {
        parentSteps = List.copyOf(parentSteps);
        rollbackSteps = List.copyOf(rollbackSteps);
        events = List.copyOf(events);
    }

    /** The run that came first: the parent, else the rollback. */
    public Run first() {
        return parent != null ? parent : rollback;
    }

    /** The run that came last: the rollback, else the parent. */
    public Run last() {
        return rollback != null ? rollback : parent;
    }

    public String environment() {
        return first().environment();
    }

    /** The rollback's step with this name. */
    public Optional<RunStep> rollbackStep(String name) {
        return rollbackSteps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Whether the rollback's step with this name is DONE. */
    public boolean done(String name) {
        return rollbackStep(name).map(s -> s.status() == StepStatus.DONE).orElse(false);
    }

    /** The parent's first failed step: what triggered an automatic rollback. */
    public Optional<RunStep> parentFailure() {
        return parentSteps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst();
    }

    /**
     * Where the last run stands. A run still RUNNING counts as SUCCEEDED once its verification passed with no step
     * failed (the report is written by the run's own last steps), and as FAILED once a step failed.
     */
    public RunStatus status() {
        Run run = last();
        List<RunStep> steps = rollback != null ? rollbackSteps : parentSteps;
        if (run.status() != RunStatus.RUNNING) {
            return run.status();
        }
        if (steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED)) {
            return RunStatus.FAILED;
        }
        return rollback != null && done("verify") ? RunStatus.SUCCEEDED : RunStatus.RUNNING;
    }

    /** When the last run finished, or null while it runs. */
    public Instant finishedAt() {
        return last().finishedAt();
    }
}
