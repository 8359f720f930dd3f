package dev.rewind.cli.demo;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The ordinary Rewind project the demo writes: {@code rewind.yaml} with a {@code production} environment, the sample
 * app, and its releases {@code v1} (healthy) and {@code v2} (its health check fails {@link #V2_FAILS_AFTER} after start).
 *
 * @param dir     the project directory
 * @param appPort the backend's port
 */
public record DemoProject(Path dir, int appPort) {

    public static final String ENVIRONMENT = "production";
    public static final String V2_FAILS_AFTER = "4s";

    /** Where the embedded PostgreSQL keeps its data. */
    public Path postgresData() {
        return dir.resolve("postgres");
    }

    public Path config() {
        return dir.resolve("rewind.yaml");
    }

    public String appUrl() {
        return "http://127.0.0.1:" + appPort;
    }

    /** Refuses a directory that already has a project: the demo never overwrites. */
    void requireNew() {
        if (Files.exists(config())) {
            throw new RewindException(ErrorCode.USAGE, config() + " already exists; rewind demo never overwrites a project"
                    + "\n    fix: pick a new directory with --dir, or stop the old demo with `rewind demo --stop --dir "
                    + dir + "` and remove " + dir);
        }
    }

    /** Writes the project for a database on {@code pgPort}, backed up with {@code strategy}. */
    void write(int pgPort, String strategy) {
        write("rewind.yaml", fill(text("/demo/rewind.yaml"), Map.of("pgPort", String.valueOf(pgPort),
                "appPort", String.valueOf(appPort), "strategy", strategy)));
        String java = ProcessHandle.current().info().command().orElse("java");
        write("backend/releases/v1/start.sh", fill(text("/demo/start.sh"), Map.of("version", "v1", "java", java,
                "description", ", healthy", "flags", "")));
        write("backend/releases/v2/start.sh", fill(text("/demo/start.sh"), Map.of("version", "v2", "java", java,
                "description", " with a bad change: /health fails " + V2_FAILS_AFTER + " after start",
                "flags", " --health-fail-after " + V2_FAILS_AFTER)));
        copy("/example/app/sampleapp.jar", dir.resolve("app/sampleapp.jar"));
        mkdirs(dir.resolve("uploads"));
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return out;
    }

    private void write(String path, String text) {
        Path file = dir.resolve(path);
        try {
            mkdirs(file.getParent());
            Files.writeString(file, text);
            if (path.endsWith(".sh")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = resource(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = resource(resource)) {
            mkdirs(target.getParent());
            Files.copy(in, target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoProject.class.getResourceAsStream(name);
        if (in == null) {
            throw new RewindException(ErrorCode.FAILED, "this rewind build lacks " + name
                    + "\n    fix: rebuild with ./mvnw -B package -DskipTests (or run ./rewind, which rebuilds)");
        }
        return in;
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        }
    }

    private static RewindException cannotWrite(Path target, IOException e) {
        return new RewindException(ErrorCode.FAILED, "cannot write " + target + ": " + e
                + "\n    fix: check that the directory is writable and the disk is not full", e);
    }
}
