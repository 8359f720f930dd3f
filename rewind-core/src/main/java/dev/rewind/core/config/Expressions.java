package dev.rewind.core.config;

import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import java.util.List;

/** The CEL environments of Rewind's expressions, and their compilation at config load. */
public final class Expressions {

    /** Variables a policy rule's {@code when} may use. */
    public static final List<String> POLICY_VARIABLES = List.of("probes", "metrics", "baseline", "health", "reports", "process");
    /** Variables an HTTP probe's {@code expect.body} may use. */
    public static final List<String> BODY_VARIABLES = List.of("json", "text", "status");

    private static final CelCompiler POLICY = compiler(POLICY_VARIABLES);
    private static final CelCompiler BODY = compiler(BODY_VARIABLES);

    private Expressions() {}

    /** The problems CEL finds in a policy condition; empty when it compiles. */
    public static List<String> checkPolicy(String source) {
        return check(POLICY, source);
    }

    /** The problems CEL finds in a body assertion; empty when it compiles. */
    public static List<String> checkBody(String source) {
        return check(BODY, source);
    }

    private static List<String> check(CelCompiler compiler, String source) {
        CelValidationResult result = compiler.compile(source);
        return result.getErrors().stream().map(Expressions::describe).toList();
    }

    private static String describe(CelIssue issue) {
        var at = issue.getSourceLocation();
        String where = at.getLine() > 0 ? " (expression column " + (at.getColumn() + 1) + ")" : "";
        return issue.getMessage() + where;
    }

    private static CelCompiler compiler(List<String> variables) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder();
        variables.forEach(v -> builder.addVar(v, SimpleType.DYN));
        return builder.build();
    }
}
