package dev.rewind.core.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.report.LiveComponent;
import dev.rewind.core.report.Verification;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.verify.VerifyCheck;
import java.util.ArrayList;
import java.util.List;

/** What the rollback's journal recorded in its steps' outputs: the preflight's live state and the verification. */
public final class StepOutputs {

    private StepOutputs() {}

    /** The verify step's checks, or null when the run did not reach it. */
    public static Verification verification(Incident incident) {
        return incident.rollbackStep("verify").filter(s -> s.startedAt() != null)
                .map(s -> new Verification(s.status().toString(), checks(s), s.error())).orElse(null);
    }

    /** Each component as the preflight found it, in plan order; empty when the preflight recorded nothing. */
    public static List<LiveComponent> liveState(Incident incident) {
        List<LiveComponent> components = new ArrayList<>();
        incident.rollbackStep("preflight").map(RunStep::outputJson).map(Json::readTree)
                .ifPresent(output -> output.path("components").properties().forEach(c -> components.add(
                        new LiveComponent(c.getKey(), text(c.getValue(), "active_version"),
                                text(c.getValue(), "target_version"), pids(c.getValue()), lines(c.getValue())))));
        return components;
    }

    private static List<VerifyCheck> checks(RunStep verify) {
        if (verify.outputJson() == null) {
            return List.of();
        }
        List<VerifyCheck> checks = new ArrayList<>();
        Json.readTree(verify.outputJson()).path("checks")
                .forEach(c -> checks.add(Json.mapper().convertValue(c, VerifyCheck.class)));
        return checks;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static List<Long> pids(JsonNode component) {
        List<Long> pids = new ArrayList<>();
        component.path("pids").forEach(p -> pids.add(p.asLong()));
        return pids;
    }

    private static List<String> lines(JsonNode component) {
        List<String> lines = new ArrayList<>();
        component.path("log_tail").forEach(l -> lines.add(l.asText()));
        return lines;
    }
}
