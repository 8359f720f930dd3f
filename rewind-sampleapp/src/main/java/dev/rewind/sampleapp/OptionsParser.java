package dev.rewind.sampleapp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-parses the command line; every mistake becomes a {@link UsageException} naming the flag and its form. */
public final class OptionsParser {

    /** Each flag that takes a value, with the form it expects. */
    static final Map<String, String> VALUE_FLAGS = Map.of(
            "--version", "a version containing a number, like v2 or 1.4.0",
            "--port", "a port number from 0 to 65535 (0 picks a free port)",
            "--host", "a host name or IP address to listen on, like 127.0.0.1",
            "--db", "a PostgreSQL JDBC URL, like jdbc:postgresql://localhost:5432/shop?user=postgres",
            "--files", "a directory to write item files into",
            "--fail-rate", "a share from 0 to 1, like 0.3",
            "--latency", "a duration like 800ms, 5s or 2m",
            "--health-fail-after", "a duration like 800ms, 5s or 2m",
            "--crash-after", "a duration like 800ms, 5s or 2m");

    private OptionsParser() {}

    public static Options parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        boolean noStart = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (flag.equals("--no-start") && flag.equals(arg)) {
                noStart = true;
            } else if (!VALUE_FLAGS.containsKey(flag)) {
                throw new UsageException("unknown flag " + arg + "; the flags are " + String.join(", ", flagNames()));
            } else if (!flag.equals(arg)) {
                values.put(flag, arg.substring(flag.length() + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.put(flag, args.get(++i));
            } else {
                throw new UsageException(flag + " needs a value: " + VALUE_FLAGS.get(flag));
            }
        }
        return build(values, noStart);
    }

    private static Options build(Map<String, String> values, boolean noStart) {
        String host = FlagValues.host(values.getOrDefault("--host", Options.DEFAULT_HOST));
        int port = FlagValues.port(values.getOrDefault("--port", "8080"));
        Optional<String> db = Optional.ofNullable(values.get("--db")).map(FlagValues::jdbcUrl);
        double failRate = FlagValues.failRate(values.getOrDefault("--fail-rate", "0"));
        Duration latency = optionalDuration(values, "--latency").orElse(Duration.ZERO);
        Optional<Duration> healthFailAfter = optionalDuration(values, "--health-fail-after");
        Optional<Duration> crashAfter = optionalDuration(values, "--crash-after");
        String version = values.get("--version");
        if (version == null || version.isBlank()) {
            throw new UsageException("--version is required: " + VALUE_FLAGS.get("--version") + ", e.g. --version v2");
        }
        return new Options(version, FlagValues.major(version), host, port, db,
                Optional.ofNullable(values.get("--files")).map(Path::of),
                failRate, latency, healthFailAfter, crashAfter, noStart);
    }

    private static Optional<Duration> optionalDuration(Map<String, String> values, String flag) {
        return Optional.ofNullable(values.get(flag)).map(v -> FlagValues.duration(flag, v));
    }

    static List<String> flagNames() {
        return List.of("--version", "--port", "--host", "--db", "--files", "--fail-rate", "--latency",
                "--health-fail-after", "--crash-after", "--no-start");
    }
}
