package dev.rewind.sampleapp;

import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sample app as a real child process on a free port; closing it sends SIGTERM and waits. */
final class RunningApp implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("sampleapp (\\S+) listening on (http://\\S+)\\n");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final URI base;

    private RunningApp(Process process, Path stdout, Path stderr, URI base) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.base = base;
    }

    /** Starts the app with {@code --port 0} plus {@code args}, and waits for its listening line. */
    static RunningApp start(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sampleapp", ".out");
        Path err = Files.createTempFile("sampleapp", ".err");
        Process process = new ProcessBuilder(command(args))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(out));
            if (m.lookingAt()) {
                return new RunningApp(process, out, err, URI.create(m.group(2)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("sampleapp exited " + process.exitValue() + " before listening:\n"
                        + Files.readString(out) + Files.readString(err));
            }
            Thread.sleep(20);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("sampleapp did not print its listening line within " + START_TIMEOUT
                + ":\n" + Files.readString(out) + Files.readString(err));
    }

    /** Runs the app to its end (for --no-start, bad flags, --crash-after). */
    static ProcessResult run(Duration timeout, String... args) {
        return ChildProcess.run(command(args), Path.of("."), Map.of(), timeout);
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SampleApp.class.getName(),
                "--port", "0"));
        command.addAll(List.of(args));
        return command;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    Process process() {
        return process;
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends SIGTERM and waits for the exit code; kills the process if it does not stop in time. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("sampleapp did not stop within 15s of SIGTERM:\n" + stderr());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException {
        try {
            if (process.isAlive()) {
                stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while stopping sampleapp; killed it", e);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
