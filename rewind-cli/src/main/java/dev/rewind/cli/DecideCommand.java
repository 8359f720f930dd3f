package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.config.Durations;
import dev.rewind.core.policy.PolicyDecision;
import dev.rewind.core.policy.RuleEvaluation;
import dev.rewind.core.watch.DecideResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind decide ENV}: measure, evaluate the policy, print the decision and the values behind it. */
@Command(name = "decide", description = "Measure the environment, evaluate the policy and print the decision with every rule's values."
        + " Exit 0 CONTINUE/MONITOR, 3 ROLLBACK_NOW/ROLLBACK, 4 INVESTIGATE/INSUFFICIENT_DATA.")
final class DecideCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Option(names = "--sample", paramLabel = "DURATION", defaultValue = "15s",
            description = "how long to measure before deciding; stops early on ROLLBACK_NOW (default: ${DEFAULT-VALUE})")
    Duration sample;

    @Override
    int execute(Rewind rewind) {
        if (!options.json) {
            context().err().println("measuring " + environment + " for up to " + Durations.format(sample) + "…");
        }
        DecideResult result = rewind.decide(environment, sample, this::progress);
        print(result, DecideCommand::text);
        return result.verdict().exitCode();
    }

    private void progress(PolicyDecision decision) {
        if (context().terminal() && !options.json) {
            context().err().println("  " + decision.verdict() + ": " + decision.reason());
        }
    }

    private static String text(DecideResult r) {
        StringBuilder out = new StringBuilder(r.verdict() + "  " + r.reason() + "\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("RULE", "ACTION", "STATE", "VALUES"));
        for (RuleEvaluation e : r.rules()) {
            String values = e.values().entrySet().stream().map(v -> v.getKey() + "=" + v.getValue()).collect(Collectors.joining(" "));
            rows.add(List.of(e.name(), e.action().toString(), e.state().toString().toLowerCase(java.util.Locale.ROOT)
                    + (e.state() == RuleEvaluation.State.FALSE ? "" : " (" + e.detail() + ")"), values));
        }
        out.append(Text.table(rows));
        out.append("measured ").append(Text.seconds(r.sampled())).append(", ").append(Text.plural(r.samples(), "sample", "samples"))
                .append("; decision ").append(r.id()).append('\n');
        return out.toString();
    }
}
