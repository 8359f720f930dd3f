package dev.rewind.cli;

import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.ProcessResult;
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
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after `mvn package`");
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ChildProcess.run(command, dir, Map.of(), Duration.ofMinutes(2));
    }
}
