package dev.rewind.server.internal;

import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.workflow.EnvironmentLock;
import java.time.Clock;
import java.util.Optional;

/**
 * Whether a run that has not finished still has a process working on it. A run holds its environment's lease from
 * before it starts until after it finishes, renewing it; a run still running while no live lease is held for it was
 * interrupted (its process was killed, or its host stopped) and waits to be resumed.
 */
final class RunLiveness {

    private final StateStore store;
    private final Clock clock;

    RunLiveness(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The run, if it is still running with no live lease held for it. */
    Optional<InterruptedRun> interrupted(String runId) {
        Run run = store.run(runId).orElseThrow();
        if (run.status() != RunStatus.RUNNING || leaseHeld(run)) {
            return Optional.empty();
        }
        // Read again after the lease: a run finishes before it gives its lease up, so one that is still running now
        // did not just finish.
        return store.run(runId).filter(r -> r.status() == RunStatus.RUNNING).map(InterruptedRun::of);
    }

    private boolean leaseHeld(Run run) {
        return store.lease(run.environment())
                .filter(lease -> lease.runId().equals(run.id()) && EnvironmentLock.alive(lease, clock.instant()))
                .isPresent();
    }

    /**
     * A run that no process works on any more.
     *
     * @param run    the run as journaled
     * @param resume the command that resumes it, as the CLI prints it
     */
    record InterruptedRun(Run run, String resume) {

        static InterruptedRun of(Run run) {
            return new InterruptedRun(run, "rewind " + run.kind() + " " + run.environment() + " --resume " + run.id());
        }
    }
}
