package dev.rewind.cli;

import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the built {@code rewind.jar} as a child process, the way an operator does. Needs the package phase. */
final class RewindJar {

    static final Path JAR = Path.of("target", "rewind.jar").toAbsolutePath();

    private RewindJar() {}

    static ProcessResult run(Path dir, String... args) {
        return ChildProcess.run(command(args), dir, Map.of(), Duration.ofMinutes(2));
    }

    /** Starts {@code rewind ARGS} and returns at once, for commands that run until stopped ({@code serve}). */
    static Process start(Path dir, String... args) throws IOException {
        return new ProcessBuilder(command(args)).directory(dir.toFile())
                .redirectError(dir.resolve("rewind.err").toFile())
                .start();
    }

    private static List<String> command(String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after `mvn package`");
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
