package dev.rewind.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.config.Durations;
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
 * Rewind's way: {@code java -jar rewind.jar rollback production --yes --json} as a child process, as an operator runs
 * it, timed from process start to exit; its JSON gives the run's journal.
 */
final class RewindRollback {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** The measurement, and where the run kept the replaced data (datastore → database or directory name). */
    record Result(Measured measured, Map<String, String> kept) {}

    private RewindRollback() {}

    static Result run(RollbackProject project, Path cliJar, Path scratch) {
        List<String> command = cli(cliJar, "rollback", RollbackProject.ENV, "--yes", "--json", "-c",
                project.config().toString());
        Path out = scratch.resolve("rollback.json");
        Path err = scratch.resolve("rollback.err");
        try (HealthPoller poller = HealthPoller.start(project.health())) {
            Instant started = Instant.now();
            long start = System.nanoTime();
            int exit = execute(new ProcessBuilder(command).directory(project.dir().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()));
            Duration whole = Duration.ofNanos(System.nanoTime() - start);
            HealthPoller.Seen seen = poller.stop();
            return parse(read(out), exit, started, whole, seen, err);
        }
    }

    /**
     * Runs {@code rollback --dry-run} once, untimed, so that the class-data sharing archive {@code ./rewind} keeps
     * beside the jar exists before the first measurement, as it does for an operator after the first command.
     */
    static void warmUp(RollbackProject project, Path cliJar, Path scratch) {
        int exit = execute(new ProcessBuilder(cli(cliJar, "rollback", RollbackProject.ENV, "--dry-run", "-c",
                project.config().toString())).directory(project.dir().toFile())
                .redirectOutput(scratch.resolve("warm-up.out").toFile()).redirectError(scratch.resolve("warm-up.err").toFile()));
        if (exit != 0) {
            throw new IllegalStateException("`rewind rollback --dry-run` failed with exit " + exit + "; see "
                    + scratch.resolve("warm-up.err"));
        }
    }

    /** The java command line {@code ./rewind} runs. */
    private static List<String> cli(Path cliJar, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        String jar = cliJar.toString();
        command.addAll(List.of("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + jar.substring(0, jar.length() - ".jar".length()) + ".jsa", "-Xshare:auto",
                "-jar", jar));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The journal's steps, between the process's start-up (JVM, config, state store, plan, lock: until the first
     * step starts) and its end (the run recorded, JSON printed, JVM exit: after the last step finished).
     */
    private static Result parse(String stdout, int exit, Instant processStarted, Duration whole,
                                HealthPoller.Seen seen, Path err) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(stdout);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw failed("printed no JSON", exit, stdout, err);
        }
        if (exit != 0 || !"succeeded".equals(json.path("status").asText())) {
            throw failed("ended with status '" + json.path("status").asText() + "': " + json.path("error").asText(),
                    exit, "", err);
        }
        List<Measured.Part> parts = new ArrayList<>();
        Instant firstStop = null;
        Instant lastStart = null;
        for (JsonNode step : json.path("steps")) {
            String name = step.path("name").asText();
            Instant started = Instant.parse(step.path("started_at").asText());
            Instant finished = Instant.parse(step.path("finished_at").asText());
            parts.add(new Measured.Part(name, Duration.between(started, finished)));
            if (name.startsWith("stop ") && (firstStop == null || started.isBefore(firstStop))) {
                firstStop = started;
            }
            if (name.startsWith("start ") && (lastStart == null || finished.isAfter(lastStart))) {
                lastStart = finished;
            }
        }
        if (firstStop == null || lastStart == null) {
            throw new IllegalStateException("the run's journal has no stop or start step: " + stdout);
        }
        Instant firstStep = Instant.parse(json.path("steps").get(0).path("started_at").asText());
        Instant lastStep = Instant.parse(json.path("steps").get(parts.size() - 1).path("finished_at").asText());
        parts.addFirst(new Measured.Part("process start → first step (JVM, config, state store, plan, lock)",
                Duration.between(processStarted, firstStep)));
        parts.add(new Measured.Part("last step → process exit (run recorded, JSON printed, JVM exit)",
                whole.minus(Duration.between(processStarted, lastStep))));
        Map<String, String> kept = new LinkedHashMap<>();
        json.path("kept").properties().forEach(e -> kept.put(e.getKey(), e.getValue().asText()));
        Measured measured = new Measured(whole, Duration.between(firstStop, lastStart), seen, parts,
                Durations.parse(json.path("duration").asText()), Durations.parse(json.path("downtime").asText()));
        return new Result(measured, kept);
    }

    private static int execute(ProcessBuilder builder) {
        try {
            Process process = builder.start();
            try {
                if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                    throw new IllegalStateException("`rewind rollback` did not end within " + TIMEOUT.toMinutes()
                            + " min");
                }
                return process.exitValue();
            } finally {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while `rewind rollback` ran", e);
        }
    }

    private static IllegalStateException failed(String what, int exit, String stdout, Path err) {
        return new IllegalStateException("`rewind rollback production --yes --json` " + what + " (exit " + exit
                + ")\nstdout: " + stdout + "\nstderr: " + read(err));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
