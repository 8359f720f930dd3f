package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.verify.VerifyCheck;
import dev.rewind.core.verify.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rewind verify ENV}: the post-rollback verification, on demand. Exit 1 when a check fails. */
@Command(name = "verify", description = "Verify an environment now: probes, response time, smoke and SQL checks, error"
        + " lines in the logs, and the data its last rollback restored.")
final class VerifyCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Override
    int execute(Rewind rewind) {
        VerifyResult result = rewind.verify(environment);
        print(result, VerifyCommand::text);
        return result.ok() ? 0 : 1;
    }

    static String text(VerifyResult result) {
        StringBuilder out = new StringBuilder();
        for (VerifyCheck check : result.checks()) {
            out.append(check.ok() ? "✓ " : "✗ ").append(check.kind()).append(' ').append(check.name()).append("  ")
                    .append(check.detail()).append('\n');
        }
        out.append(result.environment()).append(": ").append(result.ok() ? "verified" : result.failed().size()
                + " of " + result.checks().size() + " checks failed").append(" in ").append(Text.seconds(result.duration()))
                .append('\n');
        return out.toString();
    }
}
