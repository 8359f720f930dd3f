package dev.rewind.cli;

import dev.rewind.testkit.ProcessResult;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process, capturing stdout, stderr and the exit code, with a chosen environment (and PATH). */
final class CliRunner {

    private final Map<String, String> environment = new HashMap<>(Map.of("PATH", System.getenv("PATH")));
    private boolean terminal;
    private String input = "";

    CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs as if a person were at a terminal typing {@code typed}. */
    CliRunner terminal(String typed) {
        this.terminal = true;
        this.input = typed;
        return this;
    }

    ProcessResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.copyOf(environment), "tester", terminal,
                new BufferedReader(new StringReader(input)), new PrintWriter(out), new PrintWriter(err));
        int code = Cli.run(args, context);
        return new ProcessResult(code, out.toString(), err.toString());
    }
}
