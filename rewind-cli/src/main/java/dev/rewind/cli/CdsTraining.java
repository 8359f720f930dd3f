package dev.rewind.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the class-data sharing archive {@code ./rewind} makes once per build of rewind.jar: the
 * commands an operator runs most, in throwaway projects, so that the archive holds what they load whichever command
 * runs first. The example project (PostgreSQL, which is not there) is only validated and planned; a project of its
 * own, a component whose driver runs {@code true} and a health endpoint served here, is deployed, watched and rolled
 * back for real. Prints nothing; touches nothing outside its temporary directory.
 */
public final class CdsTraining {

    private static final String PROJECT = """
            project: training
            environments:
              production:
                components:
                  app:
                    driver: command
                    activate: "true"
                    start: "true"
                    stop: "true"
                    probes:
                      - http: http://127.0.0.1:${PORT}/health
                        interval: 100ms
                        expect: { status: 200, body: 'json.status == "ok"', max_latency: 2s }
                datastores:
                  uploads: { files: uploads }
                verify:
                  smoke: [ { name: health, http: "GET http://127.0.0.1:${PORT}/health", expect: { status: 200 } } ]
                notify: [ { console: true } ]
                # The default policy's latency rules compare a 1 s watch of this in-process endpoint with its baseline:
                # under load a fraction of a millisecond more rolled v2 back. The training wants the same path each time.
                policy:
                  - { name: health, when: 'probes.failing_consecutive >= 3', action: ROLLBACK_NOW }
            """;

    /** Each with {@code -c} the project's config; a rollback of the example, with nothing live, fails (exit 1). */
    private static final List<List<String>> EXAMPLE = List.of(
            List.of("init", "--example"), List.of("validate"), List.of("status"), List.of("releases", "production"),
            List.of("deploy", "production", "v1", "--dry-run"), List.of("rollback", "production", "--dry-run"));
    private static final List<List<String>> PROJECT_COMMANDS = List.of(
            List.of("deploy", "production", "v1", "--watch", "0s"),
            List.of("deploy", "production", "v2", "--watch", "1s", "--json"),
            List.of("rollback", "production", "--yes"), List.of("status", "--json"), List.of("status", "nowhere"),
            List.of("releases", "production", "--json"), List.of("runs", "production"), List.of("check", "production"),
            List.of("backups", "production", "--verify", "--json"));

    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("rewind-cds-training");
        try {
            run(dir);
        } finally {
            delete(dir);
        }
    }

    /** Runs the commands in the empty directory {@code dir}; returns their exit codes. */
    static List<Integer> run(Path dir) throws IOException {
        Path example = Files.createDirectory(dir.resolve("example"));
        List<Integer> codes = new ArrayList<>(run(EXAMPLE, example.resolve("rewind.yaml"), Map.of()));
        HttpServer health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        health.start();
        try {
            Path project = Files.createDirectories(dir.resolve("project/uploads")).getParent();
            Files.writeString(project.resolve("uploads/item.txt"), "training\n");
            Files.writeString(project.resolve("rewind.yaml"), PROJECT);
            codes.addAll(run(PROJECT_COMMANDS, project.resolve("rewind.yaml"),
                    Map.of("PORT", String.valueOf(health.getAddress().getPort()))));
        } finally {
            health.stop(0);
        }
        codes.add(Cli.run(new String[] {"--version"}, silent(Map.of())));
        return codes;
    }

    private static List<Integer> run(List<List<String>> commands, Path config, Map<String, String> variables) {
        List<Integer> codes = new ArrayList<>();
        for (List<String> command : commands) {
            String[] args = Stream.concat(command.stream(), Stream.of("-c", config.toString())).toArray(String[]::new);
            codes.add(Cli.run(args, silent(variables)));
        }
        return codes;
    }

    /** Only PATH (for the tools) and the given variables: nothing of the caller's environment steers a run. */
    private static CliContext silent(Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return new CliContext(environment, "rewind-cds-training", false, new BufferedReader(Reader.nullReader()),
                new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
