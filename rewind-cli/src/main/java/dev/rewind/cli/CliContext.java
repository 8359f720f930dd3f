package dev.rewind.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a command may know of the world it runs in: environment variables, the user, the terminal and the output
 * streams. Tests build one to run the CLI in-process.
 *
 * @param environment the process environment, for {@code ${VAR}} in the config
 * @param user        who acts, for the audit trail
 * @param terminal    true when a person is at a terminal (prompts and colour are allowed)
 * @param in          standard input, for the confirmation prompt
 * @param out         standard output: results, and nothing else under {@code --json}
 * @param err         standard error: messages, progress and problems
 */
public record CliContext(Map<String, String> environment, String user, boolean terminal, BufferedReader in,
                         PrintWriter out, PrintWriter err) {

    public static CliContext fromProcess() {
        return new CliContext(System.getenv(), System.getProperty("user.name"), System.console() != null,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }
}
