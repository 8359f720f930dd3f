package dev.rewind.core.workflow;

import dev.rewind.core.backup.Progress;
import dev.rewind.core.store.RunStep;
import java.util.function.Consumer;

/** Follows a run as it happens: the CLI prints a line per step, the server streams them. Every method may be skipped. */
public interface WorkflowListener {

    WorkflowListener NONE = new WorkflowListener() {};

    /** A step begins. */
    default void started(RunStep step) {}

    /** A step ended DONE or FAILED. */
    default void finished(RunStep step) {}

    /** A resumed run passes over a step it already did. */
    default void skipped(RunStep step) {}

    /** A message for people: an announcement, a note about the run. */
    default void message(String text) {}

    /**
     * From now on the run, its journal ended, only finishes optional work on this thread that an interrupt stops
     * cleanly (a deploy's standby); a server that stops may interrupt it rather than wait.
     */
    default void interruptible() {}

    /** Where long copies report their bytes. */
    default Progress progress() {
        return Progress.NONE;
    }

    /** This listener, and after each step that ends, {@code then} too. */
    default WorkflowListener andAfterEachStep(Consumer<RunStep> then) {
        WorkflowListener first = this;
        return new WorkflowListener() {
            @Override
            public void started(RunStep step) {
                first.started(step);
            }

            @Override
            public void finished(RunStep step) {
                first.finished(step);
                then.accept(step);
            }

            @Override
            public void skipped(RunStep step) {
                first.skipped(step);
            }

            @Override
            public void message(String text) {
                first.message(text);
            }

            @Override
            public void interruptible() {
                first.interruptible();
            }

            @Override
            public Progress progress() {
                return first.progress();
            }
        };
    }
}
