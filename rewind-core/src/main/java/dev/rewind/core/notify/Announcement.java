package dev.rewind.core.notify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One thing worth telling people, with the values its message is made from. The message text comes from a template
 * per event ({@code templates/<event>.mustache} beside rewind.yaml overrides the built-in one, see {@link Messages});
 * a missing value renders as empty text.
 *
 * <p>The values the built-in templates use (snake_case keys; durations print as {@code 350ms}, {@code 2.3s},
 * {@code 4m12s}, maps as {@code error_rate=0.12, p99=2.4}, lists joined by commas):
 * <table>
 * <caption>Template values</caption>
 * <tr><th>key</th><th>meaning</th><th>events</th></tr>
 * <tr><td>{@code environment}, {@code run_id}</td><td>set from the announcement unless given</td><td>all</td></tr>
 * <tr><td>{@code current_version}</td><td>the version live before</td><td>deploy.*, rollback.started, rollback.triggered</td></tr>
 * <tr><td>{@code target_version}</td><td>the version deployed or rolled back to</td><td>deploy.*, rollback.*</td></tr>
 * <tr><td>{@code reason}</td><td>why, in a sentence</td><td>rollback.started, rollback.triggered, decision</td></tr>
 * <tr><td>{@code eta}</td><td>expected time to done, e.g. {@code 1m} or a Duration</td><td>rollback.started</td></tr>
 * <tr><td>{@code step}, {@code duration}</td><td>a step's name and how long it took</td><td>step.done (and {@code step} in rollback.failed)</td></tr>
 * <tr><td>{@code error}, {@code resume_command}</td><td>what failed; the exact command that resumes the run</td><td>rollback.failed</td></tr>
 * <tr><td>{@code rule}, {@code rule_values}</td><td>the rule that decided and the values it saw (a map)</td><td>rollback.triggered, decision</td></tr>
 * <tr><td>{@code verdict}</td><td>the decision, e.g. {@code ROLLBACK_NOW}</td><td>decision</td></tr>
 * <tr><td>{@code checks}</td><td>a list of {@link dev.rewind.core.verify.VerifyCheck} (or maps with {@code name},
 *     {@code ok}, {@code detail}); templates also get {@code checks_summary}, e.g. {@code all 5 checks passing}</td>
 *     <td>rollback.completed, deploy.completed</td></tr>
 * <tr><td>{@code downtime}</td><td>how long the components were down</td><td>rollback.completed</td></tr>
 * <tr><td>{@code kept}</td><td>where the failed state is kept for salvage (a list)</td><td>rollback.completed, rollback.failed</td></tr>
 * </table>
 *
 * @param event       what happened
 * @param environment the environment
 * @param runId       the run it belongs to, or null
 * @param at          when
 * @param values      the template's values (snake_case keys, see above); also the webhook's {@code values}
 */
public record Announcement(Event event, String environment, String runId, Instant at, Map<String, Object> values) {

    public Announcement {
        requireNonNull(event, "event");
        requireNonNull(environment, "environment");
        requireNonNull(at, "at");
        values = Map.copyOf(values);
    }

    /** The events, with their names in the webhook schema and the template file names. */
    public enum Event {
        DEPLOY_STARTED("deploy.started"),
        DEPLOY_COMPLETED("deploy.completed"),
        DECISION("decision"),
        ROLLBACK_TRIGGERED("rollback.triggered"),
        ROLLBACK_STARTED("rollback.started"),
        STEP_DONE("step.done"),
        ROLLBACK_COMPLETED("rollback.completed"),
        ROLLBACK_FAILED("rollback.failed");

        private final String id;

        Event(String id) {
            this.id = id;
        }

        /** {@code rollback.started}: the webhook's {@code event} and the template's name. */
        public String id() {
            return id;
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
