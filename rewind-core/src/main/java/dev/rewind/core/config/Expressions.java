package dev.rewind.core.config;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;

/** The CEL environments of Rewind's expressions, and their compilation at config load. */
public final class Expressions {

    /** Variables a policy rule's {@code when} may use. */
    public static final List<String> POLICY_VARIABLES = List.of("probes", "metrics", "baseline", "health", "reports", "process");
    /** Variables an HTTP probe's {@code expect.body} may use. */
    public static final List<String> BODY_VARIABLES = List.of("json", "text", "status");

    /** Numbers compare across int and double ({@code metrics.p99 > 2}), as people expect. */
    public static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelCompiler POLICY = compiler(POLICY_VARIABLES);
    private static final CelCompiler BODY = compiler(BODY_VARIABLES);

    private Expressions() {}

    /**
     * The runtime that evaluates compiled expressions, built on first use: it took some 70 ms of every command that
     * loads the config, and most never evaluate.
     */
    public static CelRuntime runtime() {
        return LazyRuntime.INSTANCE;
    }

    private static final class LazyRuntime {
        static final CelRuntime INSTANCE = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
    }

    /** The problems CEL finds in a policy condition; empty when it compiles. */
    public static List<String> checkPolicy(String source) {
        return check(POLICY, source);
    }

    /** The problems CEL finds in a body assertion; empty when it compiles. */
    public static List<String> checkBody(String source) {
        return check(BODY, source);
    }

    /** The checked AST of a policy condition; throws IllegalArgumentException when it does not compile. */
    public static CelAbstractSyntaxTree policyAst(String source) {
        return ast(POLICY, source);
    }

    /** The checked AST of a body assertion; throws IllegalArgumentException when it does not compile. */
    public static CelAbstractSyntaxTree bodyAst(String source) {
        return ast(BODY, source);
    }

    private static CelAbstractSyntaxTree ast(CelCompiler compiler, String source) {
        try {
            return compiler.compile(source).getAst();
        } catch (CelValidationException e) {
            throw new IllegalArgumentException("CEL expression '" + source + "' does not compile: "
                    + String.join("; ", e.getErrors().stream().map(Expressions::describe).toList()), e);
        }
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
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        variables.forEach(v -> builder.addVar(v, SimpleType.DYN));
        return builder.build();
    }
}
