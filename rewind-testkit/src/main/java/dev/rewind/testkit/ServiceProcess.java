package dev.rewind.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real service started as a child process that announces its address on its first stdout line
 * ({@code … listening on http://127.0.0.1:PORT}), like the sample app. Stopped with SIGTERM, then SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final URI url;
    private final Path stderr;

    private ServiceProcess(Process process, URI url, Path stderr) {
        this.process = process;
        this.url = url;
        this.stderr = stderr;
    }

    /** Starts the command and waits (up to 30 s) for its "listening on URL" line. */
    public static ServiceProcess start(List<String> command) {
        try {
            Path stderr = Files.createTempFile("service", ".err");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            Matcher m = line == null ? null : LISTENING.matcher(line);
            if (m == null || !m.find()) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(command + " did not announce its address; first line: " + line
                        + "\n" + Files.readString(stderr));
            }
            return new ServiceProcess(process, URI.create(m.group(1)), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            throw new IllegalStateException(command + " did not start within 30 s", e);
        }
    }

    public URI url() {
        return url;
    }

    /** {@code host:port}, as a Prometheus scrape target. */
    public String hostPort() {
        return url.getHost() + ":" + url.getPort();
    }

    public Process process() {
        return process;
    }

    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
