package dev.rewind.cli;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Rewind;
import dev.rewind.core.probe.CheckResult;
import dev.rewind.core.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rewind check ENV}: every probe of every component once, at the same time; exit 1 when any fails. */
@Command(name = "check", description = "Run every probe of an environment once and print the results; exit 1 if any fails.")
final class CheckCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Override
    int execute(Rewind rewind) {
        CheckResult result = rewind.check(environment);
        print(result, CheckCommand::text);
        return result.ok() ? 0 : ErrorCode.FAILED.exitCode();
    }

    private static String text(CheckResult result) {
        if (result.results().isEmpty()) {
            return "no probes in " + result.environment() + "; add `probes:` to a component (http, tcp, command or sql)\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("COMPONENT", "PROBE", "OK", "LATENCY", "REASON"));
        for (ProbeResult r : result.results()) {
            rows.add(List.of(r.component(), r.probe(), r.ok() ? "✓" : "✗", latency(r.latency()), r.reason()));
        }
        int failed = result.failed().size();
        String summary = failed == 0
                ? "✓ " + Text.plural(result.results().size(), "probe", "probes") + " of " + result.environment() + " ok\n"
                : "✗ " + failed + " of " + Text.plural(result.results().size(), "probe", "probes") + " of "
                        + result.environment() + " failed\n";
        return Text.table(rows) + summary;
    }

    /** 12ms under a second, 2.4s above. */
    private static String latency(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? d.toMillis() + "ms"
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
