package dev.rewind.cli;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.ConfigException;
import dev.rewind.core.config.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Runs one command line: parses it, runs the command, and turns every error into a message and an exit code. */
public final class Cli {

    private Cli() {}

    /** Runs {@code args}; returns the exit code of DESIGN.md. */
    public static int run(String[] args, CliContext context) {
        CommandLine cli = RewindCommand.commandLine(context, args)
                .setOut(context.out())
                .setErr(context.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Duration.class, Cli::duration)
                .setParameterExceptionHandler(Cli::usageError)
                .setExecutionExceptionHandler((e, commandLine, parsed) -> failure(e, commandLine, parsed));
        int code = cli.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    private static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        var err = e.getCommandLine().getErr();
        err.println("error: " + e.getMessage());
        err.println("    see `" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help`");
        return ErrorCode.USAGE.exitCode();
    }

    private static int failure(Exception e, CommandLine commandLine, ParseResult parsed) {
        var err = commandLine.getErr();
        ErrorCode code = e instanceof RewindException r ? r.code() : ErrorCode.FAILED;
        if (e instanceof RewindException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            err.println("    this is a bug in rewind; run again with -v for the stack trace and report it");
        }
        if (matched(parsed, "--verbose")) {
            e.printStackTrace(err);
        }
        if (matched(parsed, "--json")) {
            commandLine.getOut().println(Json.write(Map.of("error", errorJson(e, code))));
        }
        return code.exitCode();
    }

    private static Map<String, Object> errorJson(Exception e, ErrorCode code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name().toLowerCase(java.util.Locale.ROOT));
        error.put("exit_code", code.exitCode());
        error.put("message", e.getMessage());
        if (e instanceof ConfigException c) {
            error.put("problems", c.problems());
        }
        return error;
    }

    private static boolean matched(ParseResult parsed, String option) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }
}
