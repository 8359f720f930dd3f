package dev.rewind.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command takes. */
public final class CommonOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "rewind.yaml",
            description = "the config file (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--json", description = "print one JSON document on stdout and nothing else")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "show details, and the stack trace of an error")
    boolean verbose;
}
