package dev.rewind.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.rewind.core.Json;
import dev.rewind.core.store.RunStep;
import java.time.Instant;
import java.util.List;

/**
 * What a step may know of its run: the outputs earlier steps recorded (also those done before a resume) and when the
 * first attempt of this step began, so that a resumed step continues rather than starts over (a watch keeps its end).
 *
 * @param journal  the run's journal as it stands when the step begins
 * @param firstTry when the first attempt of this step began: now, or the start of an interrupted or failed attempt
 */
public record StepContext(List<RunStep> journal, Instant firstTry) {

    public StepContext {
        journal = List.copyOf(journal);
    }

    /** The JSON output an earlier step recorded, or a missing node. */
    public JsonNode output(String step) {
        return journal.stream().filter(s -> s.name().equals(step) && s.outputJson() != null).findFirst()
                .map(s -> Json.readTree(s.outputJson())).orElse(MissingNode.getInstance());
    }
}
