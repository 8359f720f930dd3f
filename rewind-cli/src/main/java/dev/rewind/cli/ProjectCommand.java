package dev.rewind.cli;

import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on a project: it opens {@code rewind.yaml}, runs, and prints its typed result. */
abstract class ProjectCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        if (options.verbose) {
            Logging.verbose();
        }
        try (Rewind rewind = Rewind.open(options.config, context().environment())) {
            return execute(rewind);
        }
    }

    abstract int execute(Rewind rewind);

    /** The root command, also for commands nested in a group such as {@code rewind token create}. */
    RewindCommand root() {
        return (RewindCommand) spec.root().userObject();
    }

    CliContext context() {
        return root().context();
    }

    /**
     * Writes the incident report of a run that ended (on stderr: where); a report that cannot be written is a warning,
     * never the command's failure.
     */
    void writeReport(Rewind rewind, String runId) {
        if (runId == null) {
            return;
        }
        try {
            context().err().println("Incident report: " + rewind.report(runId).markdown());
        } catch (RuntimeException e) {
            context().err().println("warning: the incident report of " + runId + " could not be written: " + e.getMessage());
        }
        context().err().flush();
    }

    /** Prints the result as JSON under {@code --json}, otherwise as the given text. */
    <T> void print(T result, Function<T, String> text) {
        context().out().print(options.json ? Json.write(result) + "\n" : text.apply(result));
        context().out().flush();
    }
}
