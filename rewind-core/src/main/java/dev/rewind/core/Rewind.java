package dev.rewind.core;

import dev.rewind.core.backup.BackupLayout;
import dev.rewind.core.backup.BackupResult;
import dev.rewind.core.backup.Backups;
import dev.rewind.core.backup.BackupsResult;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.backup.PruneResult;
import dev.rewind.core.backup.StandbyMarker;
import dev.rewind.core.backup.StandbyResult;
import dev.rewind.core.backup.Standbys;
import dev.rewind.core.config.ConfigLoader;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.RewindConfig;
import dev.rewind.core.config.internal.Suggestions;
import dev.rewind.core.policy.HoldResult;
import dev.rewind.core.policy.PolicyDecision;
import dev.rewind.core.deploy.Deploy;
import dev.rewind.core.deploy.DeployRequest;
import dev.rewind.core.deploy.DeployResult;
import dev.rewind.core.deploy.Drill;
import dev.rewind.core.deploy.DrillResult;
import dev.rewind.core.deploy.LiveWatch;
import dev.rewind.core.deploy.WatchResult;
import dev.rewind.core.probe.CheckResult;
import dev.rewind.core.report.Reports;
import dev.rewind.core.report.Written;
import dev.rewind.core.rollback.Rollback;
import dev.rewind.core.rollback.RollbackRequest;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.Run;
import dev.rewind.core.verify.VerifyResult;
import dev.rewind.core.workflow.WorkflowListener;
import dev.rewind.core.probe.ProbeChecks;
import dev.rewind.core.watch.DecideResult;
import dev.rewind.core.watch.Watcher;
import dev.rewind.core.signal.ReportResult;
import dev.rewind.core.signal.UserReports;
import dev.rewind.core.store.BackupStatus;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Hold;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.token.Tokens;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's facade: one project (a loaded {@code rewind.yaml} and its state store). Each operation returns a
 * typed result; rendering is the caller's business.
 */
public final class Rewind implements AutoCloseable {

    /** The variable naming a step after which a run halts abruptly, for tests of resuming. */
    public static final String HALT_AFTER = "REWIND_FAULT_HALT_AFTER";

    private final Path configFile;
    private final RewindConfig config;
    private final Map<String, String> environment;
    private final Clock clock;
    private StateStore store;

    private Rewind(Path configFile, RewindConfig config, Map<String, String> environment, Clock clock) {
        this.configFile = configFile;
        this.config = config;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    /**
     * Loads the config (every problem at once, as a {@link dev.rewind.core.config.ConfigException}).
     *
     * @param environment the process environment: {@code ${VAR}} in the config, and {@code PATH} for client tools
     */
    public static Rewind open(Path configFile, Map<String, String> environment) {
        return new Rewind(configFile, ConfigLoader.load(configFile, environment), environment, Clock.systemUTC());
    }

    public RewindConfig config() {
        return config;
    }

    public Path configFile() {
        return configFile;
    }

    /** The directory relative paths of the config resolve against. */
    public Path projectDir() {
        Path parent = configFile.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** The state store, opened (and migrated) on first use. */
    public synchronized StateStore store() {
        if (store == null) {
            store = StateStore.open(config.state(), projectDir());
        }
        return store;
    }

    /** The named environment, or a usage error naming the closest one. */
    public EnvironmentConfig environment(String name) {
        EnvironmentConfig env = config.environments().get(name);
        if (env == null) {
            String hint = Suggestions.closest(name, config.environments().keySet())
                    .map(s -> "did you mean `" + s + "`?")
                    .orElse("environments in " + configFile + ": " + String.join(", ", config.environments().keySet()));
            throw new RewindException(ErrorCode.USAGE, "unknown environment '" + name + "'\n    fix: " + hint);
        }
        return env;
    }

    /** The release history of an environment, newest first. */
    public ReleasesResult releases(String environment) {
        environment(environment);
        return new ReleasesResult(environment, store().releases(environment));
    }

    /** Live release, last decision, runs in flight and active holds of one environment, or of all. */
    public StatusResult status(String environmentOrNull) {
        List<String> names = environmentOrNull == null
                ? List.copyOf(config.environments().keySet())
                : List.of(environmentOrNull);
        names.forEach(this::environment);
        var now = clock.instant();
        var inFlight = store().runsInFlight();
        return new StatusResult(config.project(), names.stream()
                .map(env -> new StatusResult.EnvironmentStatus(env,
                        store().liveRelease(env).orElse(null),
                        store().releases(env).size(),
                        store().lastDecision(env).orElse(null),
                        inFlight.stream().filter(r -> r.environment().equals(env)).toList(),
                        store().activeHolds(env, now)))
                .toList());
    }

    /** Backup sets of this project. */
    public Backups backups() {
        return new Backups(store(), new BackupLayout(projectDir().resolve(config.backups())), projectDir(), clock);
    }

    /** Standbys: backup sets restored ahead of a rollback. */
    public Standbys standbys() {
        return new Standbys(backups(), projectDir(), Backups.Options.defaults(environment.get("PATH")), clock);
    }

    /**
     * Takes a backup set of every datastore of the environment now, protecting its live release; with
     * {@code standby}, then restores it into the environment's standby, replacing the older one.
     */
    public BackupResult backup(String env, boolean standby, String actor, Progress progress) {
        EnvironmentConfig config = environment(env);
        if (standby) {
            standbys().requireFree(env); // before the backup: a second preparation takes no set it cannot use
        }
        String live = store().liveRelease(env).map(Release::id).orElse(null);
        Backups.Taken taken = backups().take(env, config, live, Backups.Options.defaults(environment.get("PATH")), progress);
        audit(actor, env, "backup.taken", taken.set().id());
        StandbyResult prepared = null;
        if (standby) {
            prepared = standbys().prepare(taken.set(), config, progress);
            audit(actor, env, "standby.prepared", taken.set().id());
        }
        return BackupResult.of(taken, prepared);
    }

    /** The environment's backup sets, newest first, with the standby's; with {@code verify}, every complete set re-checked. */
    public BackupsResult backupSets(String env, boolean verify, Progress progress) {
        EnvironmentConfig config = environment(env);
        Backups backups = backups();
        Optional<StandbyMarker> standby = standbys().ready(env, config);
        return new BackupsResult(env, verify, backups.list(env).stream()
                .map(set -> new BackupsResult.Entry(set, verify && set.status() == BackupStatus.COMPLETE
                        ? backups.verify(set, config, progress) : null,
                        standby.filter(m -> m.setId().equals(set.id())).orElse(null)))
                .toList());
    }

    /** Lists old backup sets and kept failed state; removes them only when {@code apply}. */
    public PruneResult prune(String env, Duration olderThan, boolean apply, String actor) {
        PruneResult result = backups().prune(env, environment(env), olderThan, apply);
        if (apply) {
            result.candidates().forEach(c -> audit(actor, env, "prune.removed", c.name()));
        }
        return result;
    }

    /** Pauses automatic rollback (ROLLBACK becomes MONITOR; ROLLBACK_NOW is never held) until it expires. */
    public HoldResult hold(String env, Duration duration, String reason, String actor) {
        environment(env);
        if (duration.isNegative() || duration.isZero()) {
            throw new RewindException(ErrorCode.USAGE, "a hold needs a positive duration, e.g. --for 15m");
        }
        Instant now = now();
        Hold hold = new Hold(Ids.hold(), env, reason, actor, now, now.plus(duration), null, null);
        store().insertHold(hold);
        audit(actor, env, "hold.placed", hold.id());
        return new HoldResult(env, false, List.of(hold), store().activeHolds(env, now));
    }

    /** Releases every active hold of the environment. */
    public HoldResult releaseHolds(String env, String actor) {
        environment(env);
        Instant now = now();
        List<Hold> released = store().activeHolds(env, now).stream()
                .map(h -> store().releaseHold(h.id(), actor, now).orElse(h))
                .toList();
        released.forEach(h -> audit(actor, env, "hold.released", h.id()));
        return new HoldResult(env, true, released, store().activeHolds(env, now));
    }

    /** Counts a user's report; the policy sees unique reporters within the report window. */
    public ReportResult reportIssue(String env, String reporter, String note, String actor) {
        environment(env);
        return new UserReports(store(), UserReports.DEFAULT_WINDOW).record(env, reporter, note, actor, now());
    }

    /** Runs every probe of every component of the environment once, concurrently. */
    public CheckResult check(String env) {
        return ProbeChecks.checkAll(env, environment(env), projectDir());
    }

    /**
     * Measures the environment for {@code sample} (stopping early on ROLLBACK_NOW), decides by its policy, and
     * records the decision with every rule's values.
     */
    public DecideResult decide(String env, Duration sample, Consumer<PolicyDecision> progress) {
        EnvironmentConfig config = environment(env);
        Instant started = clock.instant();
        Watcher.Outcome outcome = new Watcher(env, config, projectDir(), store(), clock)
                .watch(sample, Duration.ofSeconds(1), progress);
        PolicyDecision d = outcome.decision();
        String release = store().liveRelease(env).map(Release::id).orElse(null);
        Decision record = new Decision(Ids.decision(), env, release, d.at().truncatedTo(ChronoUnit.MILLIS),
                d.verdict().name(), Json.write(d.rules()), d.hold() == null ? null : d.hold().id());
        store().insertDecision(record);
        return new DecideResult(record.id(), env, d.verdict(), d.rule(), d.reason(), d.at(),
                Duration.between(started, clock.instant()), outcome.snapshot().samples(), outcome.snapshot().metrics(),
                outcome.snapshot().missing(), d.rules(), d.hold());
    }

    /** Rollbacks of one environment: plans, dry runs, runs and resumes. */
    public Rollback rollbacks(String env) {
        return new Rollback(env, environment(env), projectDir(), environment, store(), backups(), clock);
    }

    /**
     * Runs (or resumes) a rollback to its end or its first failing step. {@code REWIND_FAULT_HALT_AFTER} in the
     * environment names a step after which the process halts like a {@code kill -9}, for tests of resuming.
     */
    public RollbackResult rollback(String env, RollbackRequest request, WorkflowListener listener) {
        return rollbacks(env).run(request, listener, environment.get(HALT_AFTER));
    }

    /** Deploys of one environment. */
    public Deploy deploys(String env) {
        return new Deploy(env, environment(env), projectDir(), environment, store(), backups(), clock);
    }

    /** Deploys a version with a backup, a watch and automatic rollback (or resumes an interrupted deploy). */
    public DeployResult deploy(String env, DeployRequest request, WorkflowListener listener) {
        return deploys(env).run(request, listener, environment.get(HALT_AFTER));
    }

    /** Watches the live release and rolls back per policy; continues an interrupted deploy instead if there is one. */
    public WatchResult watch(String env, Duration length, Consumer<PolicyDecision> decisions, WorkflowListener listener,
                             String actor) {
        return new LiveWatch(env, environment(env), projectDir(), store(), clock, deploys(env), rollbacks(env))
                .watch(length, decisions, listener, actor, environment.get(HALT_AFTER));
    }

    /** A rollback drill, measured against the environment's {@code rto}. */
    public DrillResult drill(String env, boolean iKnow, WorkflowListener listener, String actor) {
        return new Drill(env, environment(env), store(), deploys(env), rollbacks(env))
                .run(iKnow, listener, actor, environment.get(HALT_AFTER));
    }

    /** Verifies the environment now: probes, smoke and SQL checks, and what its last rollback restored. */
    public VerifyResult verify(String env) {
        return rollbacks(env).verify();
    }

    /** Writes a run's incident report ({@code .rewind/reports/<run>.md} and {@code .json}). */
    public Written report(String runId) {
        return new Reports(store(), config, projectDir()).write(runId);
    }

    /** The REST API's tokens. */
    public Tokens tokens() {
        return new Tokens(store(), clock);
    }

    /** The environment's runs, newest first. */
    public RunsResult runs(String env) {
        environment(env);
        return new RunsResult(env, store().runs(env));
    }

    /** One run's journal and audit trail. */
    public RunResult run(String runId) {
        Run run = store().run(runId).orElseThrow(() -> new RewindException(ErrorCode.USAGE, "no run " + runId
                + " in the state store " + store().location() + "\n    fix: list the runs with `rewind runs ENV`"));
        return new RunResult(run, store().steps(runId), store().eventsAbout(runId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void audit(String actor, String env, String action, String subject) {
        store().appendEvent(new Event(Ids.event(), now(), actor, env, action, subject, null));
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
        }
    }
}
