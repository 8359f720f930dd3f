package dev.rewind.core.report.internal;

import dev.rewind.core.report.ChecklistItem;
import dev.rewind.core.report.DataLoss;
import dev.rewind.core.report.DatabaseDifference;
import dev.rewind.core.report.DirectoryDifference;
import dev.rewind.core.report.NotifierFailure;
import dev.rewind.core.report.Verification;
import dev.rewind.core.store.RunStep;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The runbooks' post-rollback checklist (seeds 000, 002, 003, 004), ticked where the rollback's journal shows Rewind
 * did it: failed state kept, previous version started, verified, release states recorded, team notified, report.
 */
public final class Checklist {

    private static final Duration POST_MORTEM = Duration.ofHours(48);

    private Checklist() {}

    /** The checklist of the incident's rollback; empty when there was no rollback. */
    public static List<ChecklistItem> of(Incident incident, DataLoss dataLoss, Verification verification,
                                         List<NotifierFailure> failures, String toVersion) {
        if (incident.rollback() == null) {
            return List.of();
        }
        String env = incident.environment();
        String runId = incident.rollback().id();
        List<ChecklistItem> items = new ArrayList<>();
        items.add(kept(incident, dataLoss));
        items.add(new ChecklistItem("Previous version " + toVersion + " started and healthy",
                allDone(incident, "start "), "components started in dependency order, each waiting for its probes"));
        items.add(new ChecklistItem("Verified: probes, row counts, files, smoke and SQL checks, log errors",
                incident.done("verify"), verified(verification)));
        items.add(new ChecklistItem("Release states recorded", incident.done("record releases"), null));
        boolean announced = incident.done("announce start") && incident.done("announce result");
        items.add(new ChecklistItem("Team notified: ROLLBACK IN PROGRESS and the result announced",
                announced && failures.isEmpty(), failures.isEmpty() ? null
                : failures.size() + " announcement(s) not delivered, see Notifier failures"));
        items.add(new ChecklistItem("Incident report written", true, ".rewind/reports/" + runId + ".md and .json"));
        items.add(new ChecklistItem("Monitor the service for 30 min: error rates, response times, user reports", false,
                "`rewind watch " + env + " --for 30m`"));
        items.add(new ChecklistItem("Find the root cause", false, "the failed release's last log lines are in this"
                + " report; the whole journal: `rewind run " + runId + "`"));
        Instant end = incident.finishedAt() != null ? incident.finishedAt() : incident.rollback().startedAt();
        items.add(new ChecklistItem("Hold the post-mortem within 48 h", false,
                "by " + end.plus(POST_MORTEM).truncatedTo(ChronoUnit.SECONDS)));
        items.add(new ChecklistItem("Add a regression test for the failure", false, null));
        if (dataLoss != null) {
            items.add(new ChecklistItem("Salvage the writes of the data-loss window, then prune the kept state", false,
                    "compare the kept copies with the restored ones; then `rewind prune " + env + "`"));
        }
        return items;
    }

    private static String verified(Verification verification) {
        if (verification == null) {
            return "not reached";
        }
        return verification.error() != null ? verification.error() : verification.checks().size() + " checks passed";
    }

    private static ChecklistItem kept(Incident incident, DataLoss dataLoss) {
        String text = "Failed state kept for salvage";
        if (dataLoss == null) {
            return new ChecklistItem(text, true, "no datastore was restored: nothing replaced");
        }
        List<String> names = Stream.concat(dataLoss.databases().stream().map(DatabaseDifference::keptDatabase),
                        dataLoss.directories().stream().map(DirectoryDifference::keptDirectory))
                .filter(Objects::nonNull).toList();
        return new ChecklistItem(text, allDone(incident, "swap "), String.join(", ", names));
    }

    private static boolean allDone(Incident incident, String prefix) {
        List<String> names = incident.rollbackSteps().stream().map(RunStep::name).filter(n -> n.startsWith(prefix))
                .toList();
        return !names.isEmpty() && names.stream().allMatch(incident::done);
    }
}
