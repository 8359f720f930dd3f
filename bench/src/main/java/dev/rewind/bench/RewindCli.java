package dev.rewind.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI as an operator runs it: {@code ./rewind} (its JVM options, its class-data sharing archive) running a copy
 * of {@code rewind.jar} as a child process, in the project's directory, timed from process start to exit.
 */
final class RewindCli {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /**
     * One run of the CLI.
     *
     * @param command what ran after {@code rewind}, e.g. {@code deploy production v2 --watch 0s --json}
     * @param started when the process was started, by the wall clock the run's journal uses
     * @param whole   process start → exit
     */
    record Run(String command, int exit, String stdout, Path stderr, Instant started, Duration whole) {

        /** The JSON object the run printed; fails with its output otherwise. */
        JsonNode json() {
            JsonNode json;
            try {
                json = Json.mapper().readTree(stdout);
            } catch (IOException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                throw failed("printed no JSON");
            }
            return json;
        }

        IllegalStateException failed(String what) {
            return new IllegalStateException("`rewind " + command + "` " + what + " (exit " + exit + ")\nstdout: "
                    + stdout + "\nstderr: " + read(stderr));
        }
    }

    private RewindCli() {}

    /**
     * Runs {@code rewind ARGS -c rewind.yaml} in the project's directory; its output goes to {@code NAME.json} and
     * {@code NAME.err} in {@code scratch}.
     */
    static Run run(RollbackProject project, Path cliJar, Path scratch, String name, String... args) {
        ProcessBuilder command = command(cliJar, args);
        command.command().addAll(List.of("-c", project.config().toString()));
        Path out = scratch.resolve(name + ".json");
        Path err = scratch.resolve(name + ".err");
        Instant started = Instant.now();
        long start = System.nanoTime();
        int exit = execute(command.directory(project.dir().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()));
        Duration whole = Duration.ofNanos(System.nanoTime() - start);
        return new Run(String.join(" ", args), exit, read(out), err, started, whole);
    }

    /**
     * Runs a command once, untimed (a {@code --dry-run}), so that the class-data sharing archive {@code ./rewind}
     * makes once per build (its training run, some 10 s) exists before the first measurement, as it does for an
     * operator after the first command.
     */
    static void warmUp(RollbackProject project, Path cliJar, Path scratch, String... args) {
        Run run = run(project, cliJar, scratch, "warm-up", args);
        if (run.exit() != 0) {
            throw run.failed("failed");
        }
    }

    /**
     * {@code rewind ARGS} as an operator runs it: the checkout's launcher ({@code ./rewind}, copied beside the jar by
     * {@code bench/app-bench.sh}) running {@code cliJar} (REWIND_JAR) on this JDK, with its JVM options and its
     * class-data sharing archive.
     */
    static ProcessBuilder command(Path cliJar, String... args) {
        List<String> command = new ArrayList<>(List.of(cliJar.resolveSibling("rewind").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("REWIND_JAR", cliJar.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    /**
     * The run's time, split by its journal: the process's start-up (JVM, config, state store, plan, lock: until the
     * first step starts), each step, the time between the steps (the journal's writes), and its end (the run
     * recorded, JSON printed, JVM exit: after the last step finished). The parts add up to the whole.
     */
    static List<Measured.Part> journal(JsonNode json, Run run) {
        return Journal.parts(json.path("steps"), run.started(), run.whole(),
                "process start → first step (JVM, config, state store, plan, lock)",
                "last step → process exit (run recorded, JSON printed, JVM exit)");
    }

    /** Where a rollback kept the live data it replaced: datastore → database or directory name. */
    static Map<String, String> kept(JsonNode rollback) {
        Map<String, String> kept = new LinkedHashMap<>();
        rollback.path("kept").properties().forEach(e -> kept.put(e.getKey(), e.getValue().asText()));
        return kept;
    }

    /** The downtime by the journal: the first {@code stop} step started → the last {@code start} step finished. */
    static Duration downtime(JsonNode json, Run run) {
        return Journal.downtime(json.path("steps"))
                .orElseThrow(() -> run.failed("left a journal without a stop or a start step"));
    }

    private static int execute(ProcessBuilder builder) {
        try {
            Process process = builder.start();
            try {
                if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                    throw new IllegalStateException("`" + String.join(" ", builder.command()) + "` did not end within "
                            + TIMEOUT.toMinutes() + " min");
                }
                return process.exitValue();
            } finally {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while `" + String.join(" ", builder.command()) + "` ran", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
