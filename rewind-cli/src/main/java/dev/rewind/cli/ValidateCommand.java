package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.ValidateResult;
import picocli.CommandLine.Command;

/** {@code rewind validate}: checks the config; every problem with file:line:col and a fix. */
@Command(name = "validate", description = "Check the config; every problem with file:line:col and a fix.")
final class ValidateCommand extends ProjectCommand {

    @Override
    int execute(Rewind rewind) {
        print(ValidateResult.of(options.config.toString(), rewind.config()), ValidateCommand::text);
        return 0;
    }

    private static String text(ValidateResult result) {
        StringBuilder out = new StringBuilder("✓ " + result.file() + " is valid: project " + result.project() + ", "
                + Text.plural(result.environments().size(), "environment", "environments") + "\n");
        for (ValidateResult.EnvironmentSummary env : result.environments()) {
            out.append("  ").append(env.name()).append(": ")
                    .append(Text.counted(env.components(), "component", "components")).append(", ")
                    .append(Text.counted(env.datastores(), "datastore", "datastores")).append(", ")
                    .append(Text.plural(env.probes(), "probe", "probes")).append(", policy: ")
                    .append(env.policyRules() == 0 ? "default" : Text.plural(env.policyRules(), "rule", "rules"))
                    .append('\n');
        }
        return out.toString();
    }
}
