package dev.rewind.core.workflow;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a plan as a journaled run. Every step is written to the state store RUNNING before it executes and DONE
 * or FAILED after, with its times, output and error. A run executed again (a resume) passes over the steps its
 * journal has DONE and repeats the one that was interrupted, so it ends as an uninterrupted run would. The run stops
 * at the first failing step.
 *
 * <p>For tests of that promise, {@code haltAfter} names a step after which the process halts as abruptly as a
 * {@code kill -9}, right after the step is journaled DONE (the {@code REWIND_FAULT_HALT_AFTER} variable).
 */
public final class Workflow {

    /** The exit status of a process halted by the fault hook: that of a process killed by SIGKILL. */
    public static final int HALT_STATUS = 137;
    private static final Logger LOG = LoggerFactory.getLogger(Workflow.class);

    private final StateStore store;
    private final Clock clock;
    private final String haltAfter;

    public Workflow(StateStore store, Clock clock, String haltAfter) {
        this.store = store;
        this.clock = clock;
        this.haltAfter = haltAfter;
    }

    /** The run's journal, or a PENDING step for each step of the plan when it has none yet. */
    public List<RunStep> journal(Run run, List<Step> plan) {
        List<RunStep> journal = store.steps(run.id());
        if (journal.isEmpty()) {
            journal = new ArrayList<>();
            for (int seq = 0; seq < plan.size(); seq++) {
                journal.add(new RunStep(run.id(), seq + 1, plan.get(seq).name(), StepStatus.PENDING, null, null, null, null));
            }
            return journal;
        }
        List<String> planned = plan.stream().map(Step::name).toList();
        List<String> journaled = journal.stream().map(RunStep::name).toList();
        if (!planned.equals(journaled)) {
            throw new RewindException(ErrorCode.FAILED, "run " + run.id() + " was planned as " + journaled
                    + " but the config now gives " + planned + ", so it cannot be resumed safely"
                    + "\n    fix: restore the rewind.yaml the run started with, then resume it");
        }
        return journal;
    }

    /**
     * Executes every step not yet DONE, in order, under {@code lock}. Returns the journal as it ends: all DONE, or
     * stopped at the FAILED step (later steps stay PENDING).
     */
    public List<RunStep> execute(Run run, List<Step> plan, EnvironmentLock lock, WorkflowListener listener) {
        List<RunStep> journal = new ArrayList<>(journal(run, plan));
        journal.stream().filter(s -> s.status() == StepStatus.PENDING && s.startedAt() == null).forEach(store::upsertStep);
        for (int i = 0; i < plan.size(); i++) {
            RunStep entry = journal.get(i);
            if (entry.status() == StepStatus.DONE || entry.status() == StepStatus.SKIPPED) {
                listener.skipped(entry);
                continue;
            }
            lock.check();
            RunStep done = execute(plan.get(i), entry, journal, listener);
            journal.set(i, done);
            if (done.status() == StepStatus.FAILED) {
                break;
            }
        }
        return journal;
    }

    private RunStep execute(Step step, RunStep entry, List<RunStep> journal, WorkflowListener listener) {
        Instant now = now();
        StepContext context = new StepContext(journal, entry.startedAt() == null ? now : entry.startedAt());
        RunStep running = new RunStep(entry.runId(), entry.seq(), entry.name(), StepStatus.RUNNING, now, null, null, null);
        store.upsertStep(running);
        listener.started(running);
        RunStep finished;
        try {
            Object output = step.action().run(context);
            finished = running.finished(StepStatus.DONE, now(), output == null ? null : Json.write(output), null);
        } catch (RewindException e) {
            finished = running.finished(StepStatus.FAILED, now(), null, e.getMessage());
        } catch (Exception e) {
            LOG.debug("step {} failed", step.name(), e);
            finished = running.finished(StepStatus.FAILED, now(), null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        store.upsertStep(finished);
        listener.finished(finished);
        if (finished.status() == StepStatus.DONE && step.name().equals(haltAfter)) {
            Runtime.getRuntime().halt(HALT_STATUS);
        }
        return finished;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
