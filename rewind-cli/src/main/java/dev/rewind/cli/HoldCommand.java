package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.policy.HoldResult;
import dev.rewind.core.store.Hold;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind hold ENV --for 15m --reason TEXT} / {@code rewind hold ENV --release}: pause automatic rollback. */
@Command(name = "hold", description = "Pause automatic rollback: ROLLBACK becomes MONITOR until the hold expires; ROLLBACK_NOW is never held.")
final class HoldCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @ArgGroup(exclusive = false)
        Place place;

        @Option(names = "--release", required = true, description = "release every active hold now")
        boolean release;
    }

    static final class Place {
        @Option(names = "--for", required = true, paramLabel = "DURATION", description = "how long, e.g. 15m")
        Duration duration;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, for the audit trail and announcements")
        String reason;
    }

    @Override
    int execute(Rewind rewind) {
        HoldResult result = mode.release
                ? rewind.releaseHolds(environment, context().user())
                : rewind.hold(environment, mode.place.duration, mode.place.reason, context().user());
        print(result, HoldCommand::text);
        return 0;
    }

    private static String text(HoldResult r) {
        StringBuilder out = new StringBuilder();
        if (r.released()) {
            out.append(r.changed().isEmpty() ? "no active hold on " + r.environment() + "\n"
                    : "released " + Text.plural(r.changed().size(), "hold", "holds") + " on " + r.environment() + "\n");
        } else {
            Hold h = r.changed().get(0);
            out.append("✓ hold ").append(h.id()).append(" on ").append(r.environment()).append(" until ")
                    .append(Text.time(h.expiresAt())).append(": ").append(h.reason()).append('\n')
                    .append("  automatic ROLLBACK is announced but not acted on; ROLLBACK_NOW still rolls back\n")
                    .append("  end it early with `rewind hold ").append(r.environment()).append(" --release`\n");
        }
        return out.toString();
    }
}
