package dev.rewind.cli;

import dev.rewind.core.Json;
import dev.rewind.core.config.ConfigSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code rewind schema}: the JSON Schema of rewind.yaml, for editors. Always JSON. */
@Command(name = "schema", description = "Print the JSON Schema of rewind.yaml (for editors).")
final class SchemaCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @ParentCommand
    RewindCommand root;

    @Override
    public Integer call() {
        root.context().out().println(Json.write(ConfigSchema.generate()));
        return 0;
    }
}
