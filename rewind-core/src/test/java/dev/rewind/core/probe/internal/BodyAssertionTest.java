package dev.rewind.core.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.config.BodyExpression;
import org.junit.jupiter.api.Test;

class BodyAssertionTest {

    @Test
    void findsThePathsAnExpressionReads() {
        Mentions mentions = new Mentions("json.items.size() > 0 && json[\"a-b\"] == 1 && has(json.x.y) "
                + "&& json.items[0].name != '' && status == 200");

        assertThat(mentions.paths()).containsExactly("json.items", "json[\"a-b\"]", "json.x.y", "json.items[0].name");
    }

    @Test
    void describesWherePathsStop() {
        var json = JsonValues.parse("{\"a\": {\"b\": [1, {\"c\": null}]}, \"s\": \"x\"}").orElseThrow();

        assertThat(Mentions.value("json.a.b[1].c", json)).isEqualTo("json.a.b[1].c = null");
        assertThat(Mentions.value("json.a.b[2]", json)).isEqualTo("json.a.b[2] is missing (json.a.b has 2 elements)");
        assertThat(Mentions.value("json.s.t", json)).isEqualTo("json.s.t is missing (json.s is \"x\", not an object)");
        assertThat(Mentions.value("json.a.z", json)).isEqualTo("json.a.z is missing (json.a has keys: b)");
        assertThat(Mentions.value("json.a", json)).isEqualTo("json.a = {\"b\":[1,{\"c\":null}]}");
    }

    @Test
    void aNonBooleanResultIsAFailure() {
        var assertion = BodyAssertion.compile(new BodyExpression("json.count"));

        assertThat(assertion.failure("{\"count\": 3}", 200)).contains("body assertion json.count returned 3, not true or false");
    }

    @Test
    void anAssertionWithoutPathsShowsTheBody() {
        var assertion = BodyAssertion.compile(new BodyExpression("size(json) > 1"));

        assertThat(assertion.failure("{\"a\": 1}", 200)).contains("body assertion size(json) > 1 is false: body {\"a\": 1}");
        assertThat(assertion.failure("{\"a\": 1, \"b\": 2}", 200)).isEmpty();
    }

    @Test
    void anEvaluationErrorShowsCelsMessageAndTheValues() {
        var assertion = BodyAssertion.compile(new BodyExpression("json.errors / json.requests < 1"));

        assertThat(assertion.failure("{\"errors\": 3, \"requests\": 0}", 200))
                .contains("body assertion json.errors / json.requests < 1 failed: / by zero; json.errors = 3, json.requests = 0");
    }

    @Test
    void nullsAndNestedValuesBecomeCelValues() {
        var assertion = BodyAssertion.compile(new BodyExpression("json.a == null && json.b[0].c == 2.5 && json.d"));

        assertThat(assertion.failure("{\"a\": null, \"b\": [{\"c\": 2.5}], \"d\": true}", 200)).isEmpty();
    }

    /** `rewind validate` accepted {@code has()}, but the probe compiled the assertion without CEL's macros. */
    @Test
    void hasPassedValidateButFailedAtProbeTime() {
        var assertion = BodyAssertion.compile(new BodyExpression("has(json.version) && json.items.all(i, i > 0)"));

        assertThat(assertion.failure("{\"version\": \"v2\", \"items\": [1, 2]}", 200)).isEmpty();
        assertThat(assertion.failure("{\"items\": [1]}", 200)).isPresent();
    }
}
