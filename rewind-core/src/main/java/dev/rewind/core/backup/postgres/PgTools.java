package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pg_dump} and {@code pg_restore} found on a PATH, with their major version, checked against the
 * server's: a client older than the server cannot dump or restore it.
 *
 * @param pgDump    absolute path of {@code pg_dump}
 * @param pgRestore absolute path of {@code pg_restore}
 * @param major     the major version of {@code pg_dump} (15 for 15.18; 9 for 9.6)
 */
public record PgTools(Path pgDump, Path pgRestore, int major) {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

    /** The tools on {@code path} (a PATH value, {@code :}-separated), required to be at least {@code serverMajor}. */
    public static PgTools find(String path, int serverMajor) {
        Path dump = locate("pg_dump", path, serverMajor);
        Path restore = locate("pg_restore", path, serverMajor);
        int dumpMajor = version(dump);
        requireAtLeast(dump, dumpMajor, serverMajor);
        requireAtLeast(restore, version(restore), serverMajor);
        return new PgTools(dump, restore, dumpMajor);
    }

    /** The tools on this process's PATH. */
    public static PgTools find(int serverMajor) {
        return find(Optional.ofNullable(System.getenv("PATH")).orElse(""), serverMajor);
    }

    /** The executable {@code tool} in the first directory of {@code path} that has one. */
    static Path locate(String tool, String path, int serverMajor) {
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toAbsolutePath)
                .orElseThrow(() -> new RewindException(ErrorCode.FAILED, tool + " not found on PATH (" + path
                        + ")" + Sql.FIX + "install postgresql-client-" + serverMajor
                        + " (apt-get install postgresql-client), or use `strategy: clone`, which needs no client"
                        + " tools"));
    }

    /** The major version {@code tool --version} prints. */
    static int version(Path tool) {
        PgProcess.Outcome outcome = PgProcess.run(List.of(tool.toString(), "--version"), Map.of(),
                VERSION_TIMEOUT, () -> { });
        Matcher matcher = VERSION.matcher(outcome.stdout());
        if (!outcome.ok() || !matcher.find()) {
            throw new RewindException(ErrorCode.FAILED, "Cannot read the version of " + tool + ": `"
                    + tool.getFileName() + " --version` exited " + outcome.exitCode() + " and printed \""
                    + (outcome.stdout().strip() + " " + outcome.stderrTail()).strip()
                    + "\"; expected e.g. \"pg_dump (PostgreSQL) 15.8\"" + Sql.FIX + "reinstall postgresql-client");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static void requireAtLeast(Path tool, int toolMajor, int serverMajor) {
        if (toolMajor < serverMajor) {
            throw new RewindException(ErrorCode.FAILED, tool + " is version " + toolMajor
                    + " but the server is PostgreSQL " + serverMajor + "; " + tool.getFileName()
                    + " must be at least the server's version" + Sql.FIX + "install postgresql-client-" + serverMajor
                    + " (apt-get install postgresql-client-" + serverMajor + ") and put it first on PATH,"
                    + " or use `strategy: clone`, which needs no client tools");
        }
    }
}
