package dev.rewind.core.probe.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.BodyExpression;
import dev.rewind.core.config.Expressions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An HTTP probe's {@code expect.body}, compiled once with the variables of {@link Expressions#BODY_VARIABLES} and
 * evaluated per answer. Integers and doubles compare with each other ({@code json.load < 0.9} holds for
 * {@code "load": 0}), which only adds to what the config loader accepted. A false result or an evaluation error
 * is a failure whose reason shows the values the expression looked at.
 */
public final class BodyAssertion {

    private static final Map<String, BodyAssertion> COMPILED = new ConcurrentHashMap<>();
    private static final Pattern MISSING_KEY = Pattern.compile("key '.*' is not present in map");

    private final String source;
    private final CelRuntime.Program program;
    private final Mentions mentions;

    private BodyAssertion(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
        this.mentions = new Mentions(source);
    }

    /** Compiles the assertion, once per distinct source (probes of a fleet share theirs); a loaded config compiles. */
    public static BodyAssertion compile(BodyExpression expression) {
        return COMPILED.computeIfAbsent(expression.source(), BodyAssertion::compile);
    }

    private static BodyAssertion compile(String source) {
        try {
            CelAbstractSyntaxTree ast = Expressions.bodyAst(source);
            return new BodyAssertion(source, Expressions.runtime().createProgram(ast));
        } catch (IllegalArgumentException e) {
            throw invalid("body assertion: " + e.getMessage(), e);
        } catch (CelEvaluationException e) {
            throw invalid("body assertion '" + source + "' does not compile: " + e.getMessage(), e);
        }
    }

    private static RewindException invalid(String message, Exception cause) {
        return new RewindException(ErrorCode.CONFIG, message + "\n    fix: correct expect.body; `rewind validate` shows"
                + " where", cause);
    }

    /** Why the answer fails the assertion, or empty when it holds. */
    public Optional<String> failure(String text, int status) {
        JsonNode json = JsonValues.parse(text).orElse(null);
        if (json == null && mentions.json()) {
            return Optional.of("body assertion " + source + " needs a JSON body, got "
                    + (text.isBlank() ? "an empty body" : "\"" + Texts.excerpt(text, Texts.EXCERPT) + "\""));
        }
        Object result;
        try {
            result = program.eval(Map.of("json", json == null ? NullValue.NULL_VALUE : JsonValues.toCel(json),
                    "text", text, "status", (long) status));
        } catch (CelEvaluationException | RuntimeException e) {
            String values = mentions.describe(json, text, status);
            String cause = cause(e);
            if (MISSING_KEY.matcher(cause).matches() && values.contains(" is missing (")) {
                return Optional.of("body assertion " + source + " failed: " + values);
            }
            return Optional.of("body assertion " + source + " failed: " + cause + (values.isEmpty() ? "" : "; " + values));
        }
        if (Boolean.TRUE.equals(result)) {
            return Optional.empty();
        }
        if (Boolean.FALSE.equals(result)) {
            String values = mentions.describe(json, text, status);
            return Optional.of("body assertion " + source + " is false: "
                    + (values.isEmpty() ? "body " + Texts.excerpt(text, Texts.EXCERPT) : values));
        }
        return Optional.of("body assertion " + source + " returned " + result + ", not true or false");
    }

    /** The CEL message without its "evaluation error at &lt;input&gt;:12: " prefix. */
    private static String cause(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replaceFirst("^evaluation error at <input>:\\d+: ", "").replaceFirst("\\.$", "");
    }
}
