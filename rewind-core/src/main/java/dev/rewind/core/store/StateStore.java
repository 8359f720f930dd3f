package dev.rewind.core.store;

import dev.rewind.core.store.internal.StoreOpener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Rewind's memory: releases and their baselines, backups, journaled runs, decisions, holds, user reports and
 * the audit trail, in SQLite or PostgreSQL. Every failure is a {@link dev.rewind.core.RewindException} with code
 * {@code STORE}.
 * Lists are newest first unless a method says otherwise. Safe to use from several threads.
 */
public interface StateStore extends AutoCloseable {

    /**
     * Opens the store and brings its schema up to date.
     *
     * @param location   a SQLite file (relative paths resolve against {@code projectDir}, parent directories
     *                   are created) or {@code postgresql://user[:password]@host[:port]/db[?params]}
     *                   ({@code postgres://} and {@code jdbc:postgresql://} are accepted too)
     * @param projectDir the directory of {@code rewind.yaml}
     */
    static StateStore open(String location, Path projectDir) {
        return StoreOpener.open(location, projectDir);
    }

    /** Where the store is, for messages; passwords are masked. */
    String location();

    /** The schema version the store is at, e.g. {@code 1}. */
    String schemaVersion();

    /** Records a release; if it is LIVE, the environment's previous LIVE release becomes SUPERSEDED. */
    void insertRelease(Release release);

    /** Changes a release's status; LIVE supersedes the environment's other LIVE release. */
    void updateReleaseStatus(String id, ReleaseStatus status);

    /** Records the backup set taken before a release was deployed. */
    void updateReleaseBackup(String id, String backupId);

    Optional<Release> release(String id);

    List<Release> releases(String environment);

    /** The environment's LIVE release, if any. */
    Optional<Release> liveRelease(String environment);

    void insertBackupSet(BackupSet set);

    /** Rewrites the release, status, size and manifest of an existing backup set. */
    void updateBackupSet(BackupSet set);

    void insertBackupItem(BackupItem item);

    List<BackupSet> backupSets(String environment);

    Optional<BackupSet> backupSet(String id);

    /** The items of a backup set, by datastore name. */
    List<BackupItem> backupItems(String backupId);

    /** Deletes a backup set's record and its items' records (not the files); false if there was none. */
    boolean deleteBackupSet(String id);

    void insertRun(Run run);

    /** Marks a run finished with a final status and, if it failed, why. */
    void finishRun(String id, RunStatus status, Instant finishedAt, String error);

    /** Marks a failed or interrupted run RUNNING again, for a resume. */
    void reopenRun(String id);

    Optional<Run> run(String id);

    List<Run> runs(String environment);

    /** Runs still RUNNING in any environment, oldest first: in flight, or interrupted and resumable. */
    List<Run> runsInFlight();

    /** Writes a journal step, replacing the step with the same (runId, seq) if there is one. */
    void upsertStep(RunStep step);

    /** A run's journal, by seq. */
    List<RunStep> steps(String runId);

    void insertDecision(Decision decision);

    /** The environment's latest {@code limit} decisions. */
    List<Decision> decisions(String environment, int limit);

    Optional<Decision> lastDecision(String environment);

    void insertHold(Hold hold);

    /**
     * Releases a hold. Returns the hold as it is now (unchanged if it was already released), or empty if
     * there is no hold with that id.
     */
    Optional<Hold> releaseHold(String id, String releasedBy, Instant releasedAt);

    /** Holds on the environment that apply at {@code now}: not released and not expired. */
    List<Hold> activeHolds(String environment, Instant now);

    /** Every hold on the environment, active or not. */
    List<Hold> holds(String environment);

    void insertReport(UserReport report);

    /** The environment's user reports made at or after {@code since}, newest first. */
    List<UserReport> reports(String environment, Instant since);

    /**
     * Replaces the baseline of a release: signal name → value measured while it was healthy. Values must be
     * finite; values for an unknown release are a STORE error.
     */
    void saveBaseline(String releaseId, Map<String, Double> values);

    /** The baseline saved for a release, by name; empty if none was saved. */
    Map<String, Double> baseline(String releaseId);

    /**
     * Takes the environment's lease for {@code wanted.runId()} when nobody holds it, when it lapsed, or when
     * {@code takeOver} judges the holder gone (even a run resuming itself needs one of these: its old process may
     * still be running). Returns the lease as it now
     * stands: {@code wanted} if taken, otherwise the holder's.
     */
    Lease acquireLease(Lease wanted, Predicate<Lease> takeOver);

    /** Extends the run's lease; false when the run no longer holds it. */
    boolean renewLease(String environment, String runId, Instant heartbeatAt, Instant expiresAt);

    /** Gives the lease up if the run holds it. */
    void releaseLease(String environment, String runId);

    Optional<Lease> lease(String environment);

    /**
     * A session-level advisory lock on {@code key}, held until the handle is closed, so that runs on several
     * machines sharing a PostgreSQL store exclude each other even if a lease row is tampered with; empty when
     * another session holds it. On SQLite, where only one machine uses the store, it is always granted.
     */
    Optional<AutoCloseable> tryAdvisoryLock(String key);

    /** Records an API token; a STORE error if a token not revoked already has its name. */
    void insertToken(ApiToken token);

    /** The token whose secret has this SHA-256, revoked or not. */
    Optional<ApiToken> tokenBySha256(String sha256);

    /** Every token, revoked ones too, newest first. */
    List<ApiToken> tokens();

    /** Revokes the token of that name that is not revoked yet; returns it as revoked, or empty if there is none. */
    Optional<ApiToken> revokeToken(String name, Instant revokedAt);

    /** Records that the token authenticated a request at {@code at}. */
    void tokenUsed(String sha256, Instant at);

    void appendEvent(Event event);

    /** The latest {@code limit} events of an environment, or of all environments if it is null. */
    List<Event> events(String environment, int limit);

    /** Every event about one subject (e.g. a run id), oldest first: the story of that subject. */
    List<Event> eventsAbout(String subject);

    /** Releases what the store holds; no exception is thrown. */
    @Override
    void close();
}
