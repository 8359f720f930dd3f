package dev.rewind.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the class-data sharing archive {@code ./rewind} makes once per build of rewind.jar: the
 * commands an operator runs most, in a throwaway example project, so that the archive holds what they load (picocli,
 * the config and CEL, the state store, JSON) whichever command runs first. Prints nothing; touches nothing else.
 */
public final class CdsTraining {

    /** Each with {@code -c} the project's config; a rollback with nothing live and an unknown environment fail. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("init", "--example"), List.of("validate"), List.of("status"), List.of("status", "--json"),
            List.of("releases", "production", "--json"), List.of("runs", "production", "--json"),
            List.of("backups", "production", "--json"), List.of("deploy", "production", "v1", "--dry-run"),
            List.of("rollback", "production", "--dry-run"), List.of("status", "nowhere"));

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
    static List<Integer> run(Path dir) {
        String config = dir.resolve("rewind.yaml").toString();
        List<Integer> codes = new ArrayList<>();
        for (List<String> command : COMMANDS) {
            String[] args = Stream.concat(command.stream(), Stream.of("-c", config)).toArray(String[]::new);
            codes.add(Cli.run(args, silent()));
        }
        codes.add(Cli.run(new String[] {"--version"}, silent()));
        return codes;
    }

    private static CliContext silent() {
        return new CliContext(System.getenv(), "rewind-cds-training", false, new BufferedReader(Reader.nullReader()),
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
