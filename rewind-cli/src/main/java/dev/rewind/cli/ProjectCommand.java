package dev.rewind.cli;

import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A command that works on a project: it opens {@code rewind.yaml}, runs, and prints its typed result. */
abstract class ProjectCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @ParentCommand
    RewindCommand root;

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

    CliContext context() {
        return root.context();
    }

    /** Prints the result as JSON under {@code --json}, otherwise as the given text. */
    <T> void print(T result, Function<T, String> text) {
        context().out().print(options.json ? Json.write(result) + "\n" : text.apply(result));
        context().out().flush();
    }
}
