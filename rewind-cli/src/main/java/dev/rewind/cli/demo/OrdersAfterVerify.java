package dev.rewind.cli.demo;

import dev.rewind.core.backup.Progress;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.WorkflowListener;

/**
 * Passes a deploy's steps on, and once its {@code verify} step is done (the new release serves), writes orders
 * through it: the writes made after the backup that a runbook rollback would lose.
 */
final class OrdersAfterVerify implements WorkflowListener {

    private final WorkflowListener steps;
    private final Runnable orders;
    private boolean ordered;

    OrdersAfterVerify(WorkflowListener steps, Runnable orders) {
        this.steps = steps;
        this.orders = orders;
    }

    @Override
    public void started(RunStep step) {
        steps.started(step);
    }

    @Override
    public void finished(RunStep step) {
        steps.finished(step);
        if (!ordered && step.name().equals("verify") && step.status() == StepStatus.DONE) {
            ordered = true;
            orders.run();
        }
    }

    @Override
    public void skipped(RunStep step) {
        steps.skipped(step);
    }

    @Override
    public void message(String text) {
        steps.message(text);
    }

    @Override
    public Progress progress() {
        return steps.progress();
    }
}
