package dev.rewind.bench;

import static dev.rewind.bench.Shell.quote;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runbook way as the shell scripts of bench/runbook/ do it, each a child process in the project directory with
 * the stack's settings in its environment: {@code backup.sh} ({@code pg_dump | gzip}, {@code tar czf}) and
 * {@code monitor.sh}, which checks /health every interval and on the third failure in a row runs
 * {@code rollback.sh} (seed 004's procedure).
 */
final class RunbookScripts {

    /** How long monitor.sh may watch before it gives up with nothing done. */
    private static final Duration MONITOR_LIMIT = Duration.ofMinutes(10);

    private final Path scripts;
    private final Path project;
    private final Shell shell;

    /**
     * {@code scripts} holds the scripts; {@code shell} reaches PostgreSQL (PGHOST, PGPORT, PGUSER); monitor.sh checks
     * every {@code interval}.
     */
    RunbookScripts(Path scripts, Shell shell, RollbackProject project, Duration interval) {
        this.scripts = scripts;
        this.project = project.dir();
        Map<String, String> env = new LinkedHashMap<>(project.appEnvironment());
        env.put("DB_NAME", Bench.DATABASE);
        env.put("FILES_DIR", project.dir().resolve(RewindWay.UPLOADS).toString());
        env.put("BACKEND_ROOT", project.backendRoot().toString());
        env.put("HEALTH_URL", project.health().toString());
        env.put("HEALTH_CHECK_INTERVAL", seconds(interval));
        env.put("MONITOR_DURATION", seconds(MONITOR_LIMIT));
        this.shell = shell.with(env);
    }

    /** The backup the scripts' rollback restores: {@code backup.sh}, timed; it writes under {@code backups/}. */
    Duration backup() {
        return shell.run(command("backup.sh"));
    }

    /** Where {@code backup.sh} wrote its backups. */
    Path backups() {
        return project.resolve("backups");
    }

    /** {@code monitor.sh} until it has rolled back (it fails unless rollback.sh succeeded); what they printed. */
    RunbookLog monitor() {
        return RunbookLog.parse(shell.output(command("monitor.sh")));
    }

    private String command(String script) {
        return "cd " + quote(project) + " && " + quote(scripts.resolve(script));
    }

    /** {@code 10}, {@code 0.5}: as {@code sleep} takes it. */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
