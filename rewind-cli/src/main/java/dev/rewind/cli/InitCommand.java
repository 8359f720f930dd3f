package dev.rewind.cli;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rewind init [--example]}: writes a commented rewind.yaml, or a runnable example project. Never overwrites. */
@Command(name = "init", description = "Write a commented rewind.yaml, or with --example a runnable example project.")
final class InitCommand implements Callable<Integer> {

    /** What {@code init} wrote, relative to the project directory. */
    record InitResult(String directory, List<String> written, boolean example) {}

    @Mixin
    CommonOptions options;

    @ParentCommand
    RewindCommand root;

    @Option(names = "--example", description = "write the sample shop project (production and staging) around the sample app")
    boolean example;

    @Override
    public Integer call() {
        Path config = options.config.toAbsolutePath();
        Path dir = config.getParent();
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(config, example ? "/example/rewind.yaml" : "/init/rewind.yaml");
        if (example) {
            files.put(dir.resolve("app/sampleapp.jar"), "/example/app/sampleapp.jar");
            for (String env : List.of("production", "staging")) {
                files.put(dir.resolve(env + "/backend/releases/v1/start.sh"), "/example/start-v1.sh");
                files.put(dir.resolve(env + "/backend/releases/v2/start.sh"), "/example/start-v2.sh");
            }
        }
        refuseToOverwrite(files.keySet(), dir);
        List<String> written = new ArrayList<>();
        files.forEach((target, resource) -> {
            copy(resource, target);
            written.add(dir.relativize(target).toString());
        });
        if (example) {
            mkdirs(dir.resolve("production/uploads"), dir.resolve("staging/uploads"));
        }
        print(new InitResult(dir.toString(), written, example));
        return 0;
    }

    private void print(InitResult result) {
        var out = root.context().out();
        if (options.json) {
            out.println(Json.write(result));
            return;
        }
        result.written().forEach(f -> out.println("✓ wrote " + f));
        out.println(result.example()
                ? "next: `rewind validate`, then `rewind status`; the example expects PostgreSQL on localhost:5432"
                : "next: edit " + options.config + " for your system, then `rewind validate`");
    }

    private static void refuseToOverwrite(Iterable<Path> targets, Path dir) {
        for (Path target : targets) {
            if (Files.exists(target)) {
                throw new RewindException(ErrorCode.USAGE, dir.relativize(target) + " already exists in " + dir
                        + "; rewind init never overwrites\n    fix: move it away, or write elsewhere with -c OTHER_DIR/rewind.yaml");
            }
        }
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = InitCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RewindException(ErrorCode.FAILED, "this rewind build lacks " + resource
                        + "\n    fix: rebuild with ./mvnw -B package -DskipTests (or run ./rewind, which rebuilds)");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
            if (target.toString().endsWith(".sh")) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static void mkdirs(Path... dirs) {
        try {
            for (Path d : dirs) {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw cannotWrite(dirs[0].getParent(), e);
        }
    }

    private static RewindException cannotWrite(Path target, IOException e) {
        return new RewindException(ErrorCode.FAILED, "cannot write " + target + ": " + e
                + "\n    fix: check that the directory exists and is writable, and that the disk is not full", e);
    }
}
