package dev.rewind.core.policy.internal;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.rewind.core.config.Expressions;
import dev.rewind.core.config.RuleConfig;
import java.util.Map;

/** A policy rule with its condition compiled once. */
public final class CompiledRule {

    /** The condition's value: true, false, or no data with the evaluator's reason. */
    public sealed interface Outcome {
        record Value(boolean value) implements Outcome {}

        record NoData(String reason) implements Outcome {}
    }

    private final RuleConfig config;
    private final CelRuntime.Program program;

    public CompiledRule(RuleConfig config) {
        this.config = config;
        try {
            this.program = Expressions.runtime().createProgram(Expressions.policyAst(config.when().source()));
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("rule " + config.name() + " cannot be prepared: " + e.getMessage(), e);
        }
    }

    public RuleConfig config() {
        return config;
    }

    public Outcome evaluate(Map<String, Object> variables) {
        try {
            Object result = program.eval(variables);
            if (result instanceof Boolean b) {
                return new Outcome.Value(b);
            }
            return new Outcome.NoData("the condition gave " + result + ", not true or false");
        } catch (CelEvaluationException e) {
            return new Outcome.NoData(e.getMessage());
        }
    }
}
