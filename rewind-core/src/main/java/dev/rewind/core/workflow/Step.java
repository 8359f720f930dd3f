package dev.rewind.core.workflow;

import static java.util.Objects.requireNonNull;

/**
 * One typed step of a plan: a name for the journal ({@code prepare db}, {@code stop backend}), what it will do for
 * the printed plan, and the action. The action must be safe to run again after an interruption at any point,
 * because a resumed run repeats the step that was running when the run died.
 *
 * @param name        unique within its plan; shown as {@code ✓ prepare db 2.3s}
 * @param description what the step will do, one line
 * @param action      does the work and returns what to keep in the journal (written as JSON), or null
 */
public record Step(String name, String description, Action action) {

    public Step {
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        requireNonNull(action, "action");
    }

    /** A step without use for the run's journal. */
    public static Step of(String name, String description, Simple action) {
        return new Step(name, description, context -> action.run());
    }

    /** A step's work; it may read what earlier steps recorded and when an interrupted attempt of it began. */
    @FunctionalInterface
    public interface Action {
        Object run(StepContext context) throws Exception;
    }

    /** A step's work that needs nothing from the journal. */
    @FunctionalInterface
    public interface Simple {
        Object run() throws Exception;
    }
}
