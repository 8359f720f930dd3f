package dev.rewind.bench;

import static dev.rewind.bench.Shell.quote;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The runbooks' way (seed 004), as an operator types it: {@code pg_dump | gzip} and {@code tar czf} before a deploy;
 * for a rollback, terminate the connections, drop and recreate the database, {@code gunzip -c | psql}, and replace the
 * uploads with {@code rm -rf} and {@code tar xzf}. The site is down for the whole restore.
 */
final class RunbookWay {

    private final Shell shell;
    private final String database;
    private final Path backupDir;
    private final Path project;

    /**
     * {@code shell} has PGHOST, PGPORT and PGUSER set; backups go to {@code backupDir}; the uploads directory is in
     * {@code project}.
     */
    RunbookWay(Shell shell, String database, Path backupDir, Path project) {
        this.shell = shell;
        this.database = database;
        this.backupDir = backupDir;
        this.project = project;
    }

    /** The dump of a repetition; each backup writes a new file, as a runbook's dated backups do. */
    Path dumpFile(int repetition) {
        return backupDir.resolve(database + "-" + repetition + ".sql.gz");
    }

    Path archive(int repetition) {
        return backupDir.resolve("uploads-" + repetition + ".tgz");
    }

    Duration backupDatabase(int repetition) {
        return shell.run("pg_dump " + database + " | gzip > " + quote(dumpFile(repetition)));
    }

    Duration backupFiles(int repetition) {
        return shell.run("tar czf " + quote(archive(repetition)) + " -C " + quote(project) + " uploads");
    }

    /** The rollback's first step: terminate the connections, drop the database and create it empty (site down). */
    Duration recreateDatabase() {
        return shell.run(String.join("\n",
                psql("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid();"),
                psql("postgres", "DROP DATABASE IF EXISTS " + database + ";"),
                psql("postgres", "CREATE DATABASE " + database + ";")));
    }

    /** The second: load the dump into it (site still down). */
    Duration loadDatabase(int repetition) {
        return shell.run("gunzip -c " + quote(dumpFile(repetition)) + " | psql -X -q -v ON_ERROR_STOP=1 -d " + database
                + " > /dev/null");
    }

    Duration restoreFiles(int repetition) {
        return shell.run("rm -rf " + quote(project.resolve("uploads")) + " && tar xzf " + quote(archive(repetition))
                + " -C " + quote(project));
    }

    private static String psql(String database, String sql) {
        return "psql -X -q -d " + database + " -c " + quote(sql) + " > /dev/null";
    }
}
