package dev.rewind.cli;

import dev.rewind.core.backup.Progress;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.WorkflowListener;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Prints a run as it happens, one line per step ({@code ✓ prepare db 2.3s}); announcements and notes go to stderr.
 * Under {@code --json} the step lines go to stderr too, so stdout holds only the final document.
 */
final class StepPrinter implements WorkflowListener, AutoCloseable {

    private final PrintWriter steps;
    private final PrintWriter messages;
    private final TerminalProgress progress;

    StepPrinter(CliContext context, boolean json) {
        this.steps = json ? context.err() : context.out();
        this.messages = context.err();
        this.progress = new TerminalProgress(context);
    }

    @Override
    public void finished(RunStep step) {
        progress.close();
        steps.println(line(step));
        steps.flush();
    }

    @Override
    public void skipped(RunStep step) {
        steps.println("· " + step.name() + " (done before)");
        steps.flush();
    }

    @Override
    public void message(String text) {
        messages.println();
        messages.println(text.indent(2).stripTrailing());
        messages.println();
        messages.flush();
    }

    @Override
    public Progress progress() {
        return progress;
    }

    /** {@code ✓ restore db 2.3s}, {@code ✗ start backend 30.0s}, {@code · verify}. */
    static String line(RunStep step) {
        String mark = switch (step.status()) {
            case DONE -> "✓";
            case FAILED -> "✗";
            case RUNNING -> "…";
            case PENDING, SKIPPED -> "·";
        };
        String took = step.startedAt() != null && step.finishedAt() != null
                ? " " + Text.seconds(Duration.between(step.startedAt(), step.finishedAt())) : "";
        String interrupted = step.status() == StepStatus.RUNNING ? " (interrupted)" : "";
        return mark + " " + step.name() + took + interrupted;
    }

    @Override
    public void close() {
        progress.close();
    }
}
