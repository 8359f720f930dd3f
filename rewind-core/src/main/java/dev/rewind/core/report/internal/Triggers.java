package dev.rewind.core.report.internal;

import dev.rewind.core.report.Trigger;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds what started a rollback: the parent deploy's failed step (and the policy decision it failed on), a watch's
 * decision, or an operator's reason.
 */
public final class Triggers {

    private static final String AUTOMATIC = "automatic";

    private Triggers() {}

    /**
     * The policy decision behind an automatic rollback (or a failed deploy): the environment's last ROLLBACK decision
     * before the rollback started, taken during the parent run if there is one. Empty for an operator's rollback.
     */
    public static Optional<Decision> decision(Incident incident, StateStore store) {
        if (!automatic(incident) && incident.parentFailure().isEmpty()) {
            return Optional.empty();
        }
        return Decisions.lastRollback(store, incident.environment(),
                incident.parent() == null ? null : incident.parent().startedAt(), decidedBefore(incident));
    }

    /** The trigger, with its {@link #decision} if it has one; null for a deploy that neither failed nor rolled back. */
    public static Trigger of(Incident incident, Optional<Decision> decision) {
        Optional<RunStep> failure = incident.parentFailure();
        Run rollback = incident.rollback();
        if (rollback == null && failure.isEmpty()) {
            return null;
        }
        String reason = incident.plan() == null ? null : incident.plan().reason();
        boolean automatic = automatic(incident);
        String source;
        if (failure.isPresent()) {
            source = incident.parent().kind() + " " + incident.parent().id() + " step '" + failure.get().name() + "'";
            reason = failure.get().error();
        } else if (incident.parent() != null) {
            source = incident.parent().kind() + " " + incident.parent().id();
        } else {
            source = automatic ? "watch" : "operator " + rollback.actor();
        }
        return new Trigger(automatic, source, reason, decision.map(Decision::id).orElse(null),
                decision.map(Decision::at).orElse(null), decision.map(Decision::action).orElse(null),
                decision.map(Decisions::fired).orElse(List.of()));
    }

    /** Started by a deploy, drill or watch rather than by an operator. */
    private static boolean automatic(Incident incident) {
        String reason = incident.plan() == null ? null : incident.plan().reason();
        return incident.rollback() != null && (incident.parent() != null
                || reason != null && reason.startsWith(AUTOMATIC));
    }

    private static Instant decidedBefore(Incident incident) {
        if (incident.rollback() != null) {
            return incident.rollback().startedAt();
        }
        return incident.parent().finishedAt() != null ? incident.parent().finishedAt() : Instant.now();
    }
}
