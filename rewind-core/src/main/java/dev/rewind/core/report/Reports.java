package dev.rewind.core.report;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.RewindConfig;
import dev.rewind.core.report.internal.Checklist;
import dev.rewind.core.report.internal.DataLossAssessment;
import dev.rewind.core.report.internal.Decisions;
import dev.rewind.core.report.internal.Incident;
import dev.rewind.core.report.internal.NotifierFailures;
import dev.rewind.core.report.internal.Recoveries;
import dev.rewind.core.report.internal.ReportTemplate;
import dev.rewind.core.report.internal.StepOutputs;
import dev.rewind.core.report.internal.Timeline;
import dev.rewind.core.report.internal.Triggers;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incident reports of rollbacks, built from the state store's journal: {@link #build} the typed report, {@link #write}
 * it as {@code .rewind/reports/<run>.md} and {@code .json}, {@link #markdown} it. The report of a deploy covers the
 * rollback it started, and the report of that rollback covers the deploy.
 */
public final class Reports {

    /** Where reports are written, under the project directory. */
    public static final Path DIRECTORY = Path.of(".rewind", "reports");

    private final StateStore store;
    private final RewindConfig config;
    private final Path projectDir;
    private final Clock clock = Clock.systemUTC();

    public Reports(StateStore store, RewindConfig config, Path projectDir) {
        this.store = store;
        this.config = config;
        this.projectDir = projectDir;
    }

    /**
     * The report of a rollback run, or of a deploy run and the rollback it started (if any). The kept databases are
     * counted now; one that cannot be reached is reported in the data-loss section. An unknown run is a USAGE error.
     */
    public IncidentReport build(String runId) {
        Incident incident = Incident.resolve(store, runId);
        EnvironmentConfig env = config.environments().get(incident.environment());
        BackupSet backup = incident.plan() == null || incident.plan().backup() == null ? null
                : store.backupSet(incident.plan().backup()).orElse(null);
        Optional<Decision> decision = Triggers.decision(incident, store);
        Trigger trigger = Triggers.of(incident, decision);
        Verification verification = StepOutputs.verification(incident);
        List<NotifierFailure> failures = NotifierFailures.of(incident);
        DataLoss dataLoss = DataLossAssessment.of(incident, backup, env, projectDir);
        Summary summary = summary(incident);
        return new IncidentReport(runId, config.project(), clock.instant().truncatedTo(ChronoUnit.MILLIS), summary,
                trigger, Timeline.of(incident, decisions(incident, decision)), backupUsed(backup, incident),
                Recoveries.of(incident, env == null ? null : env.rto()), dataLoss, verification,
                StepOutputs.liveState(incident), failures, Checklist.of(incident, dataLoss, verification, failures,
                summary.to() == null ? "-" : summary.to().version()));
    }

    /** Builds the report and writes it as Markdown and JSON under {@code .rewind/reports/}. */
    public Written write(String runId) {
        return write(build(runId));
    }

    /** Writes a report built before as {@code .rewind/reports/<run>.md} and {@code .json}, replacing older ones. */
    public Written write(IncidentReport report) {
        String runId = report.runId();
        Path dir = projectDir.resolve(DIRECTORY);
        Written written = new Written(dir.resolve(runId + ".md"), dir.resolve(runId + ".json"));
        try {
            Files.createDirectories(dir);
            Files.writeString(written.markdown(), markdown(report, projectDir));
            Files.writeString(written.json(), Json.write(report) + "\n");
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot write the incident report to " + dir + ": " + e
                    + "\n    fix: make that directory writable, or print the report with `rewind report " + runId
                    + "`", e);
        }
        return written;
    }

    /** The report as Markdown, in the built-in template. */
    public static String markdown(IncidentReport report) {
        return ReportTemplate.render(report, null);
    }

    /** The report as Markdown, in {@code templates/incident.md.mustache} of the project if it has one. */
    public static String markdown(IncidentReport report, Path projectDir) {
        return ReportTemplate.render(report, projectDir);
    }

    private Summary summary(Incident incident) {
        Run last = incident.last();
        String reason = incident.plan() != null ? incident.plan().reason() : last.kind() + " by " + last.actor();
        return new Summary(incident.environment(), outcome(incident), release(last.fromRelease()),
                release(last.toRelease()), reason, incident.first().actor(),
                incident.parent() == null ? null : incident.parent().id(),
                incident.rollback() == null ? null : incident.rollback().id(), incident.first().startedAt(),
                incident.finishedAt(), last.error());
    }

    private static String outcome(Incident incident) {
        RunStatus status = incident.status();
        String what = incident.rollback() != null ? "rollback" : "deploy";
        return switch (status) {
            case SUCCEEDED -> incident.rollback() != null ? "rolled back" : "deployed";
            case RUNNING -> what + " in progress";
            case FAILED, CANCELLED -> what + " " + status;
        };
    }

    private Release release(String id) {
        return id == null ? null : store.release(id).orElse(null);
    }

    /** The triggering decision, then every decision taken while the runs ran. */
    private List<Decision> decisions(Incident incident, Optional<Decision> triggering) {
        List<Decision> decisions = new ArrayList<>();
        triggering.ifPresent(decisions::add);
        Decisions.between(store, incident.environment(), incident.first().startedAt(), incident.finishedAt())
                .stream().filter(d -> !decisions.contains(d)).forEach(decisions::add);
        return decisions;
    }

    private static BackupUsed backupUsed(BackupSet backup, Incident incident) {
        return backup == null ? null : new BackupUsed(backup.id(), backup.createdAt(),
                Duration.between(backup.createdAt(), incident.rollback().startedAt()), backup.releaseId(),
                backup.sizeBytes());
    }
}
