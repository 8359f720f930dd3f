package dev.rewind.cli;

import dev.rewind.testkit.ProcessResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process, capturing stdout, stderr and the exit code, with a chosen environment. */
final class CliRunner {

    private final Map<String, String> environment = new HashMap<>();

    CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    ProcessResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.copyOf(environment), "tester", false, new PrintWriter(out), new PrintWriter(err));
        int code = Cli.run(args, context);
        return new ProcessResult(code, out.toString(), err.toString());
    }
}
