package dev.rewind.core.store.internal;

import dev.rewind.core.store.ApiToken;
import dev.rewind.core.store.BackupItem;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Hold;
import dev.rewind.core.store.Lease;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.UserReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link StateStore} on Jdbi, for SQLite and PostgreSQL alike. Each operation takes its own connection,
 * so nothing stays open between calls; every write is one transaction.
 */
final class JdbiStateStore implements StateStore {

    private final GuardedJdbi db;
    private final String location;
    private final String schemaVersion;

    JdbiStateStore(Jdbi jdbi, String location, String schemaVersion) {
        this.db = new GuardedJdbi(jdbi, location);
        this.location = location;
        this.schemaVersion = schemaVersion;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void insertRelease(Release release) {
        db.write("record release " + release.id(), handle -> {
            if (release.status() == ReleaseStatus.LIVE) {
                ReleaseTable.supersedeLive(handle, release.environment(), release.id());
            }
            ReleaseTable.insert(handle, release);
        });
    }

    @Override
    public void updateReleaseStatus(String id, ReleaseStatus status) {
        db.write("update release " + id, handle -> {
            Release release = ReleaseTable.find(handle, id).orElseThrow(() -> db.missing("release", id));
            if (status == ReleaseStatus.LIVE) {
                ReleaseTable.supersedeLive(handle, release.environment(), id);
            }
            ReleaseTable.updateStatus(handle, id, status);
        });
    }

    @Override
    public void updateReleaseBackup(String id, String backupId) {
        db.write("record the backup of release " + id, handle -> {
            if (ReleaseTable.updateBackup(handle, id, backupId) == 0) {
                throw db.missing("release", id);
            }
        });
    }

    @Override
    public Optional<Release> release(String id) {
        return db.read("read release " + id, handle -> ReleaseTable.find(handle, id));
    }

    @Override
    public List<Release> releases(String environment) {
        return db.read("list releases of " + environment, handle -> ReleaseTable.inEnvironment(handle, environment));
    }

    @Override
    public Optional<Release> liveRelease(String environment) {
        return db.read("read the live release of " + environment, handle -> ReleaseTable.live(handle, environment));
    }

    @Override
    public void insertBackupSet(BackupSet set) {
        db.write("record backup set " + set.id(), handle -> BackupSetTable.insert(handle, set));
    }

    @Override
    public void updateBackupSet(BackupSet set) {
        db.write("update backup set " + set.id(), handle -> {
            if (BackupSetTable.update(handle, set) == 0) {
                throw db.missing("backup set", set.id());
            }
        });
    }

    @Override
    public void insertBackupItem(BackupItem item) {
        db.write("record backup item " + item.datastore() + " of " + item.backupId(),
                handle -> BackupItemTable.insert(handle, item));
    }

    @Override
    public List<BackupSet> backupSets(String environment) {
        return db.read("list backup sets of " + environment,
                handle -> BackupSetTable.inEnvironment(handle, environment));
    }

    @Override
    public Optional<BackupSet> backupSet(String id) {
        return db.read("read backup set " + id, handle -> BackupSetTable.find(handle, id));
    }

    @Override
    public List<BackupItem> backupItems(String backupId) {
        return db.read("list the items of backup set " + backupId, handle -> BackupItemTable.of(handle, backupId));
    }

    @Override
    public boolean deleteBackupSet(String id) {
        return db.transaction("delete backup set " + id, handle -> {
            BackupItemTable.deleteOf(handle, id);
            return BackupSetTable.delete(handle, id) > 0;
        });
    }

    @Override
    public void insertRun(Run run) {
        db.write("record run " + run.id(), handle -> RunTable.insert(handle, run));
    }

    @Override
    public void finishRun(String id, RunStatus status, Instant finishedAt, String error) {
        db.write("finish run " + id, handle -> {
            if (RunTable.finish(handle, id, status, finishedAt, error) == 0) {
                throw db.missing("run", id);
            }
        });
    }

    @Override
    public void reopenRun(String id) {
        db.write("reopen run " + id, handle -> {
            if (RunTable.finish(handle, id, RunStatus.RUNNING, null, null) == 0) {
                throw db.missing("run", id);
            }
        });
    }

    @Override
    public Optional<Run> run(String id) {
        return db.read("read run " + id, handle -> RunTable.find(handle, id));
    }

    @Override
    public List<Run> runs(String environment) {
        return db.read("list runs of " + environment, handle -> RunTable.inEnvironment(handle, environment));
    }

    @Override
    public List<Run> runsInFlight() {
        return db.read("list runs in flight", handle -> RunTable.withStatus(handle, RunStatus.RUNNING));
    }

    @Override
    public void upsertStep(RunStep step) {
        db.write("journal step " + step.seq() + " of run " + step.runId(), handle -> RunStepTable.upsert(handle, step));
    }

    @Override
    public List<RunStep> steps(String runId) {
        return db.read("read the journal of run " + runId, handle -> RunStepTable.of(handle, runId));
    }

    @Override
    public void insertDecision(Decision decision) {
        db.write("record decision " + decision.id(), handle -> DecisionTable.insert(handle, decision));
    }

    @Override
    public List<Decision> decisions(String environment, int limit) {
        checkLimit(limit);
        return db.read("list decisions of " + environment, handle -> DecisionTable.latest(handle, environment, limit));
    }

    @Override
    public Optional<Decision> lastDecision(String environment) {
        return decisions(environment, 1).stream().findFirst();
    }

    @Override
    public void insertHold(Hold hold) {
        db.write("record hold " + hold.id(), handle -> HoldTable.insert(handle, hold));
    }

    @Override
    public Optional<Hold> releaseHold(String id, String releasedBy, Instant releasedAt) {
        return db.transaction("release hold " + id, handle -> {
            HoldTable.release(handle, id, releasedBy, releasedAt);
            return HoldTable.find(handle, id);
        });
    }

    @Override
    public List<Hold> activeHolds(String environment, Instant now) {
        return db.read("list active holds of " + environment, handle -> HoldTable.active(handle, environment, now));
    }

    @Override
    public List<Hold> holds(String environment) {
        return db.read("list holds of " + environment, handle -> HoldTable.inEnvironment(handle, environment));
    }

    @Override
    public void insertReport(UserReport report) {
        db.write("record report " + report.id(), handle -> ReportTable.insert(handle, report));
    }

    @Override
    public List<UserReport> reports(String environment, Instant since) {
        return db.read("list reports of " + environment, handle -> ReportTable.since(handle, environment, since));
    }

    @Override
    public void saveBaseline(String releaseId, Map<String, Double> values) {
        values.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("baseline " + name + " of release " + releaseId
                        + " must be a finite number, was " + value);
            }
        });
        db.write("save the baseline of release " + releaseId, handle -> BaselineTable.replace(handle, releaseId, values));
    }

    @Override
    public Map<String, Double> baseline(String releaseId) {
        return db.read("read the baseline of release " + releaseId, handle -> BaselineTable.of(handle, releaseId));
    }

    @Override
    public Lease acquireLease(Lease wanted, Predicate<Lease> takeOver) {
        return db.transaction("lock environment " + wanted.environment(), handle -> {
            if (LeaseTable.insertIfFree(handle, wanted)) {
                return wanted;
            }
            Lease held = LeaseTable.find(handle, wanted.environment()).orElseThrow();
            boolean free = held.expiredAt(wanted.acquiredAt()) || takeOver.test(held);
            return free && LeaseTable.replace(handle, held, wanted) ? wanted : held;
        });
    }

    @Override
    public boolean renewLease(String environment, String runId, Instant heartbeatAt, Instant expiresAt) {
        return db.transaction("renew the lock of " + environment,
                handle -> LeaseTable.renew(handle, environment, runId, heartbeatAt, expiresAt));
    }

    @Override
    public void releaseLease(String environment, String runId) {
        db.write("unlock environment " + environment, handle -> LeaseTable.delete(handle, environment, runId));
    }

    @Override
    public Optional<Lease> lease(String environment) {
        return db.read("read the lock of " + environment, handle -> LeaseTable.find(handle, environment));
    }

    @Override
    public Optional<AutoCloseable> tryAdvisoryLock(String key) {
        return db.advisoryLock(key);
    }

    @Override
    public void insertToken(ApiToken token) {
        db.write("record token " + token.name(), handle -> TokenTable.insert(handle, token));
    }

    @Override
    public Optional<ApiToken> tokenBySha256(String sha256) {
        return db.read("read a token", handle -> TokenTable.bySha256(handle, sha256));
    }

    @Override
    public List<ApiToken> tokens() {
        return db.read("list tokens", TokenTable::all);
    }

    @Override
    public Optional<ApiToken> revokeToken(String name, Instant revokedAt) {
        return db.transaction("revoke token " + name, handle -> TokenTable.active(handle, name).flatMap(token -> {
            TokenTable.revoke(handle, token.sha256(), revokedAt);
            return TokenTable.bySha256(handle, token.sha256());
        }));
    }

    @Override
    public void tokenUsed(String sha256, Instant at) {
        db.write("record the use of a token", handle -> TokenTable.used(handle, sha256, at));
    }

    @Override
    public void appendEvent(Event event) {
        db.write("record event " + event.action(), handle -> EventTable.insert(handle, event));
    }

    @Override
    public List<Event> events(String environment, int limit) {
        checkLimit(limit);
        return db.read("list events", handle -> EventTable.latest(handle, environment, limit));
    }

    @Override
    public List<Event> eventsAbout(String subject) {
        return db.read("list events about " + subject, handle -> EventTable.about(handle, subject));
    }

    /** Nothing to release: connections are taken per operation and closed after it. */
    @Override
    public void close() {
        // no pooled connections or other resources are held between operations
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }
}
