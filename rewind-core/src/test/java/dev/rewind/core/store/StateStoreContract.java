package dev.rewind.core.store;

import static dev.rewind.core.store.StoreFixtures.T0;
import static dev.rewind.core.store.StoreFixtures.backupItem;
import static dev.rewind.core.store.StoreFixtures.backupSet;
import static dev.rewind.core.store.StoreFixtures.decision;
import static dev.rewind.core.store.StoreFixtures.event;
import static dev.rewind.core.store.StoreFixtures.hold;
import static dev.rewind.core.store.StoreFixtures.minutes;
import static dev.rewind.core.store.StoreFixtures.release;
import static dev.rewind.core.store.StoreFixtures.run;
import static dev.rewind.core.store.StoreFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every behaviour of a {@link StateStore}; one subclass per backend. */
abstract class StateStoreContract {

    private StateStore store;

    /** Opens a store on this test's database; every call opens the same database. */
    protected abstract StateStore openStore();

    /** Runs one SQL statement on this test's database, bypassing the store. */
    protected abstract void execute(String sql);

    /** The single value of a one-row, one-column query on this test's database. */
    protected abstract Object queryValue(String sql);

    protected StateStore store() {
        if (store == null) {
            store = openStore();
        }
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertStoreError(
            ThrowingCallable call, String... messageParts) {
        return assertThatThrownBy(call)
                .isInstanceOf(RewindException.class)
                .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.STORE))
                .hasMessageContainingAll(messageParts);
    }

    // releases

    @Test
    void releaseRoundTripsEveryField() {
        Release release = release("prod", T0, ReleaseStatus.DEPLOYING);
        store().insertRelease(release);
        assertThat(store().release(release.id())).contains(release);
        assertThat(store().release(release.id()).orElseThrow().artifacts()).containsExactlyEntriesOf(
                StoreFixtures.artifacts());
    }

    @Test
    void releaseRoundTripsNullsAndEmptyArtifacts() {
        Release release = new Release(Ids.release(), "prod", "2.0.0", Map.of(), "ci", T0, null,
                ReleaseStatus.FAILED, null, null);
        store().insertRelease(release);
        assertThat(store().release(release.id())).contains(release);
    }

    @Test
    void unknownIdsAreEmpty() {
        assertThat(store().release("rel-20000101-000000-zzzz")).isEmpty();
        assertThat(store().backupSet("bak-20000101-000000-zzzz")).isEmpty();
        assertThat(store().run("run-20000101-000000-zzzz")).isEmpty();
        assertThat(store().steps("run-20000101-000000-zzzz")).isEmpty();
        assertThat(store().releases("nowhere")).isEmpty();
        assertThat(store().liveRelease("nowhere")).isEmpty();
        assertThat(store().lastDecision("nowhere")).isEmpty();
    }

    @Test
    void releasesAreNewestFirstPerEnvironment() {
        Release newer = release("prod", minutes(10), ReleaseStatus.FAILED);
        Release older = release("prod", minutes(1), ReleaseStatus.SUPERSEDED);
        Release staging = release("staging", minutes(5), ReleaseStatus.FAILED);
        List.of(newer, older, staging).forEach(store()::insertRelease);
        assertThat(store().releases("prod")).containsExactly(newer, older);
        assertThat(store().releases("staging")).containsExactly(staging);
    }

    @Test
    void liveReleaseIsTheEnvironmentsLiveOne() {
        Release live = release("prod", minutes(1), ReleaseStatus.LIVE);
        store().insertRelease(live);
        store().insertRelease(release("prod", minutes(2), ReleaseStatus.DEPLOYING));
        store().insertRelease(release("staging", minutes(3), ReleaseStatus.DEPLOYING));
        assertThat(store().liveRelease("prod")).contains(live);
        assertThat(store().liveRelease("staging")).isEmpty();
    }

    @Test
    void recordingALiveReleaseSupersedesThePreviousLiveOne() {
        Release first = release("prod", minutes(1), ReleaseStatus.LIVE);
        Release otherEnvironment = release("staging", minutes(1), ReleaseStatus.LIVE);
        Release second = release("prod", minutes(2), ReleaseStatus.LIVE);
        List.of(first, otherEnvironment, second).forEach(store()::insertRelease);
        assertThat(store().liveRelease("prod")).contains(second);
        assertThat(store().release(first.id()).orElseThrow().status()).isEqualTo(ReleaseStatus.SUPERSEDED);
        assertThat(store().liveRelease("staging")).contains(otherEnvironment);
    }

    @Test
    void updatingAReleaseStatusMovesTheLiveRelease() {
        Release good = release("prod", minutes(1), ReleaseStatus.LIVE);
        Release bad = release("prod", minutes(2), ReleaseStatus.DEPLOYING);
        store().insertRelease(good);
        store().insertRelease(bad);
        store().updateReleaseStatus(bad.id(), ReleaseStatus.LIVE);
        assertThat(store().liveRelease("prod")).contains(bad.withStatus(ReleaseStatus.LIVE));
        assertThat(store().release(good.id())).contains(good.withStatus(ReleaseStatus.SUPERSEDED));

        store().updateReleaseStatus(bad.id(), ReleaseStatus.ROLLED_BACK);
        store().updateReleaseStatus(good.id(), ReleaseStatus.LIVE);
        assertThat(store().liveRelease("prod")).contains(good);
        assertThat(store().release(bad.id()).orElseThrow().status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
    }

    @Test
    void updatingAnUnknownReleaseIsAStoreError() {
        assertStoreError(() -> store().updateReleaseStatus("rel-20000101-000000-zzzz", ReleaseStatus.LIVE),
                "rel-20000101-000000-zzzz");
    }

    @Test
    void aDuplicateIdIsAStoreErrorAndChangesNothing() {
        Release release = release("prod", T0, ReleaseStatus.LIVE);
        store().insertRelease(release);
        Release again = new Release(release.id(), "prod", "9.9.9", Map.of(), "eve", minutes(1), null,
                ReleaseStatus.LIVE, null, null);
        assertStoreError(() -> store().insertRelease(again), store().location(), release.id());
        assertThat(store().releases("prod")).containsExactly(release);
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        Instant precise = Instant.parse("2026-11-21T09:30:15.123456789Z");
        Release release = release("prod", precise, ReleaseStatus.LIVE);
        assertThat(release.deployedAt()).isEqualTo(Instant.parse("2026-11-21T09:30:15.123Z"));
        store().insertRelease(release);
        assertThat(store().release(release.id()).orElseThrow().deployedAt()).isEqualTo(release.deployedAt());
    }

    // backups

    @Test
    void backupSetAndItemsRoundTrip() {
        BackupSet set = backupSet("prod", T0);
        store().insertBackupSet(set);
        BackupItem files = new BackupItem(set.id(), "uploads", "files", null, "/backups/uploads.tar", 0, 0, null);
        BackupItem db = backupItem(set.id(), "db");
        store().insertBackupItem(files);
        store().insertBackupItem(db);
        assertThat(store().backupSet(set.id())).contains(set);
        assertThat(store().backupItems(set.id())).containsExactly(db, files);
    }

    @Test
    void updatingABackupSetRewritesItsOutcome() {
        BackupSet set = new BackupSet(Ids.backup(), "prod", null, T0, BackupStatus.TAKING, 0, null);
        store().insertBackupSet(set);
        BackupSet done = set.finished(BackupStatus.COMPLETE, 5_000_000_000L, "/backups/x/manifest.json");
        store().updateBackupSet(done);
        assertThat(store().backupSet(set.id())).contains(done);
        assertStoreError(() -> store().updateBackupSet(backupSet("prod", T0)), "no backup set");
    }

    @Test
    void backupSetsAreNewestFirstPerEnvironment() {
        BackupSet newer = backupSet("prod", minutes(9));
        BackupSet older = backupSet("prod", minutes(1));
        BackupSet staging = backupSet("staging", minutes(5));
        List.of(newer, older, staging).forEach(store()::insertBackupSet);
        assertThat(store().backupSets("prod")).containsExactly(newer, older);
    }

    @Test
    void deletingABackupSetDeletesItsItems() {
        BackupSet set = backupSet("prod", T0);
        BackupSet kept = backupSet("prod", minutes(1));
        store().insertBackupSet(set);
        store().insertBackupSet(kept);
        store().insertBackupItem(backupItem(set.id(), "db"));
        store().insertBackupItem(backupItem(kept.id(), "db"));
        assertThat(store().deleteBackupSet(set.id())).isTrue();
        assertThat(store().backupSet(set.id())).isEmpty();
        assertThat(store().backupItems(set.id())).isEmpty();
        assertThat(store().backupItems(kept.id())).hasSize(1);
        assertThat(store().deleteBackupSet(set.id())).isFalse();
    }

    @Test
    void anItemOfAnUnknownBackupSetIsRefused() {
        assertStoreError(() -> store().insertBackupItem(backupItem("bak-20000101-000000-zzzz", "db")),
                "bak-20000101-000000-zzzz");
    }

    // runs

    @Test
    void runRoundTripsEveryField() {
        Run parent = run("prod", T0, RunStatus.FAILED);
        Run run = new Run(Ids.run(), "prod", RunKind.DRILL, RunStatus.RUNNING, "carol", minutes(1), minutes(2),
                "rel-a", "rel-b", parent.id(), "{\"steps\":[]}", "restore failed: disk full");
        store().insertRun(parent);
        store().insertRun(run);
        assertThat(store().run(run.id())).contains(run);
        assertThat(store().run(parent.id())).contains(parent);
    }

    @Test
    void runRoundTripsNulls() {
        Run run = new Run(Ids.run(), "prod", RunKind.WATCH, RunStatus.RUNNING, "cron", T0, null, null, null, null,
                null, null);
        store().insertRun(run);
        assertThat(store().run(run.id())).contains(run);
    }

    @Test
    void finishingARunRecordsItsOutcome() {
        Run run = run("prod", T0, RunStatus.RUNNING);
        store().insertRun(run);
        store().finishRun(run.id(), RunStatus.FAILED, minutes(3), "health check still failing");
        Run finished = store().run(run.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(RunStatus.FAILED);
        assertThat(finished.finishedAt()).isEqualTo(minutes(3));
        assertThat(finished.error()).isEqualTo("health check still failing");
        assertThat(finished.planJson()).isEqualTo(run.planJson());
        assertStoreError(() -> store().finishRun("run-20000101-000000-zzzz", RunStatus.SUCCEEDED, T0, null),
                "no run run-20000101-000000-zzzz");
    }

    @Test
    void aReleaseRecordsTheBackupTakenBeforeIt() {
        Release release = release("prod", T0, ReleaseStatus.DEPLOYING);
        store().insertRelease(release);
        store().updateReleaseBackup(release.id(), "bak-1");
        assertThat(store().release(release.id()).orElseThrow().backupId()).isEqualTo("bak-1");
        assertStoreError(() -> store().updateReleaseBackup("rel-20000101-000000-zzzz", "bak-1"), "no release");
    }

    @Test
    void reopeningAFailedRunMakesItRunningAgain() {
        Run run = run("prod", T0, RunStatus.RUNNING);
        store().insertRun(run);
        store().finishRun(run.id(), RunStatus.FAILED, minutes(3), "health check still failing");
        store().reopenRun(run.id());
        assertThat(store().run(run.id())).contains(run);
        assertStoreError(() -> store().reopenRun("run-20000101-000000-zzzz"), "no run run-20000101-000000-zzzz");
    }

    @Test
    void runsAreNewestFirstPerEnvironment() {
        Run newer = run("prod", minutes(5), RunStatus.SUCCEEDED);
        Run older = run("prod", minutes(1), RunStatus.FAILED);
        Run staging = run("staging", minutes(3), RunStatus.SUCCEEDED);
        List.of(newer, older, staging).forEach(store()::insertRun);
        assertThat(store().runs("prod")).containsExactly(newer, older);
    }

    @Test
    void runsInFlightAreTheRunningOnesOfEveryEnvironmentOldestFirst() {
        Run prod = run("prod", minutes(5), RunStatus.RUNNING);
        Run staging = run("staging", minutes(1), RunStatus.RUNNING);
        Run done = run("prod", minutes(2), RunStatus.RUNNING);
        List.of(prod, staging, done).forEach(store()::insertRun);
        store().finishRun(done.id(), RunStatus.SUCCEEDED, minutes(3), null);
        assertThat(store().runsInFlight()).containsExactly(staging, prod);
    }

    @Test
    void aStepWrittenBeforeAndAfterItRunsIsOneJournalEntry() {
        Run run = run("prod", T0, RunStatus.RUNNING);
        store().insertRun(run);
        RunStep running = step(run.id(), 1, StepStatus.RUNNING);
        store().upsertStep(running);
        assertThat(store().steps(run.id())).containsExactly(running);

        RunStep done = running.finished(StepStatus.DONE, minutes(4), "{\"restored\":\"db\"}", null);
        store().upsertStep(done);
        assertThat(store().steps(run.id())).containsExactly(done);

        RunStep failed = running.finished(StepStatus.FAILED, minutes(5), null, "pg_restore exited 1");
        store().upsertStep(failed);
        assertThat(store().steps(run.id())).containsExactly(failed);
    }

    @Test
    void stepsAreOrderedBySeqPerRun() {
        Run run = run("prod", T0, RunStatus.RUNNING);
        Run other = run("prod", T0, RunStatus.RUNNING);
        store().insertRun(run);
        store().insertRun(other);
        RunStep third = step(run.id(), 3, StepStatus.PENDING);
        RunStep first = step(run.id(), 1, StepStatus.DONE);
        RunStep tenth = step(run.id(), 10, StepStatus.SKIPPED);
        RunStep pending = new RunStep(run.id(), 2, "verify", StepStatus.PENDING, null, null, null, null);
        List.of(third, tenth, first, pending).forEach(store()::upsertStep);
        store().upsertStep(step(other.id(), 1, StepStatus.RUNNING));
        assertThat(store().steps(run.id())).containsExactly(first, pending, third, tenth);
    }

    @Test
    void aStepOfAnUnknownRunIsRefused() {
        assertStoreError(() -> store().upsertStep(step("run-20000101-000000-zzzz", 1, StepStatus.RUNNING)),
                "run-20000101-000000-zzzz");
    }

    // decisions

    @Test
    void decisionsAreNewestFirstAndLimited() {
        Decision newest = decision("prod", minutes(3), "ROLLBACK_NOW");
        Decision middle = new Decision(Ids.decision(), "prod", null, minutes(2), "MONITOR", "[]", "hold-x");
        Decision oldest = decision("prod", minutes(1), "CONTINUE");
        List.of(middle, newest, oldest, decision("staging", minutes(9), "INVESTIGATE"))
                .forEach(store()::insertDecision);
        assertThat(store().decisions("prod", 10)).containsExactly(newest, middle, oldest);
        assertThat(store().decisions("prod", 2)).containsExactly(newest, middle);
        assertThat(store().decisions("prod", 0)).isEmpty();
        assertThat(store().lastDecision("prod")).contains(newest);
    }

    // holds

    @Test
    void holdRoundTrips() {
        Hold hold = hold("prod", T0, minutes(60));
        Hold released = new Hold(Ids.hold(), "prod", "r", "carol", T0, minutes(60), minutes(5), "dave");
        store().insertHold(hold);
        store().insertHold(released);
        assertThat(store().holds("prod")).containsExactlyInAnyOrder(hold, released);
    }

    @Test
    void activeHoldsHonourExpiry() {
        Hold shortHold = hold("prod", minutes(0), minutes(10));
        Hold longHold = hold("prod", minutes(1), minutes(60));
        List.of(shortHold, longHold, hold("staging", T0, minutes(60))).forEach(store()::insertHold);
        assertThat(store().activeHolds("prod", minutes(5))).containsExactly(longHold, shortHold);
        assertThat(store().activeHolds("prod", minutes(10))).containsExactly(longHold);
        assertThat(store().activeHolds("prod", minutes(60))).isEmpty();
        assertThat(shortHold.activeAt(minutes(9))).isTrue();
        assertThat(shortHold.activeAt(minutes(10))).isFalse();
    }

    @Test
    void aReleasedHoldIsNoLongerActive() {
        Hold hold = hold("prod", T0, minutes(60));
        store().insertHold(hold);
        Hold released = new Hold(hold.id(), "prod", hold.reason(), "carol", T0, minutes(60), minutes(5), "dave");
        assertThat(store().releaseHold(hold.id(), "dave", minutes(5))).contains(released);
        assertThat(store().activeHolds("prod", minutes(6))).isEmpty();
        assertThat(store().holds("prod")).containsExactly(released);
    }

    @Test
    void releasingAHoldTwiceKeepsTheFirstRelease() {
        Hold hold = hold("prod", T0, minutes(60));
        store().insertHold(hold);
        store().releaseHold(hold.id(), "dave", minutes(5));
        Hold again = store().releaseHold(hold.id(), "erin", minutes(7)).orElseThrow();
        assertThat(again.releasedBy()).isEqualTo("dave");
        assertThat(again.releasedAt()).isEqualTo(minutes(5));
        assertThat(store().releaseHold("hold-20000101-000000-zzzz", "dave", T0)).isEmpty();
    }

    @Test
    void holdsAreNewestFirst() {
        Hold older = hold("prod", minutes(1), minutes(2));
        Hold newer = hold("prod", minutes(3), minutes(4));
        store().insertHold(newer);
        store().insertHold(older);
        assertThat(store().holds("prod")).containsExactly(newer, older);
    }

    // user reports

    @Test
    void reportsRoundTripNewestFirstSinceAnInstantPerEnvironment() {
        UserReport old = new UserReport("rep-1", "prod", "ana", null, minutes(1));
        UserReport atSince = new UserReport("rep-2", "prod", "bob", "checkout shows 500 \"é\" ✓", minutes(5));
        UserReport newest = new UserReport("rep-3", "prod", "ana", "still broken", minutes(9));
        UserReport staging = new UserReport("rep-4", "staging", "carol", null, minutes(6));
        List.of(newest, old, staging, atSince).forEach(store()::insertReport);
        assertThat(store().reports("prod", minutes(5))).containsExactly(newest, atSince);
        assertThat(store().reports("prod", T0)).containsExactly(newest, atSince, old);
        assertThat(store().reports("staging", T0)).containsExactly(staging);
        assertThat(store().reports("nowhere", T0)).isEmpty();
    }

    @Test
    void aCreatedReportHasAFreshIdAndKeepsMilliseconds() {
        UserReport first = UserReport.create("prod", "ana", null, Instant.parse("2026-11-21T09:30:15.123456Z"));
        UserReport second = UserReport.create("prod", "ana", null, T0);
        assertThat(first.id()).startsWith("rep-").isNotEqualTo(second.id());
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-21T09:30:15.123Z"));
        store().insertReport(first);
        assertThat(store().reports("prod", T0)).containsExactly(first);
    }

    // baselines

    @Test
    void aBaselineRoundTripsSortedByName() {
        Release release = release("prod", T0, ReleaseStatus.LIVE);
        store().insertRelease(release);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("p99", 0.25);
        values.put("error_rate", 0.0);
        values.put("p50", 1.0E-9);
        values.put("rps", 12_345.678);
        store().saveBaseline(release.id(), values);
        assertThat(store().baseline(release.id())).containsExactly(
                Map.entry("error_rate", 0.0), Map.entry("p50", 1.0E-9), Map.entry("p99", 0.25),
                Map.entry("rps", 12_345.678));
    }

    @Test
    void savingABaselineAgainReplacesIt() {
        Release release = release("prod", T0, ReleaseStatus.LIVE);
        Release other = release("prod", minutes(1), ReleaseStatus.DEPLOYING);
        store().insertRelease(release);
        store().insertRelease(other);
        store().saveBaseline(release.id(), Map.of("p99", 0.5, "error_rate", 0.01));
        store().saveBaseline(other.id(), Map.of("p99", 9.0));
        store().saveBaseline(release.id(), Map.of("p99", 0.4));
        assertThat(store().baseline(release.id())).containsExactly(Map.entry("p99", 0.4));
        assertThat(store().baseline(other.id())).containsExactly(Map.entry("p99", 9.0));
        store().saveBaseline(release.id(), Map.of());
        assertThat(store().baseline(release.id())).isEmpty();
    }

    @Test
    void aBaselineOfAnUnknownReleaseIsRefusedAndAMissingOneIsEmpty() {
        assertThat(store().baseline("rel-20000101-000000-zzzz")).isEmpty();
        assertStoreError(() -> store().saveBaseline("rel-20000101-000000-zzzz", Map.of("p99", 0.5)),
                "rel-20000101-000000-zzzz");
        Release release = release("prod", T0, ReleaseStatus.LIVE);
        store().insertRelease(release);
        assertThatThrownBy(() -> store().saveBaseline(release.id(), Map.of("p99", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p99").hasMessageContaining("NaN");
        assertThat(store().baseline(release.id())).isEmpty();
    }

    // events

    @Test
    void eventsRoundTripIncludingNulls() {
        Event full = event("prod", T0, "rollback.started", "run-x");
        Event bare = new Event(Ids.event(), minutes(1), "rewind", null, "store.opened", null, null);
        store().appendEvent(full);
        store().appendEvent(bare);
        assertThat(store().events(null, 10)).containsExactly(bare, full);
    }

    @Test
    void eventsAreNewestFirstForOneEnvironmentOrAll() {
        Event first = event("prod", minutes(1), "deploy.started", null);
        Event second = event("staging", minutes(2), "deploy.started", null);
        Event third = event("prod", minutes(3), "deploy.finished", null);
        List.of(third, first, second).forEach(store()::appendEvent);
        assertThat(store().events("prod", 10)).containsExactly(third, first);
        assertThat(store().events(null, 10)).containsExactly(third, second, first);
        assertThat(store().events(null, 2)).containsExactly(third, second);
    }

    @Test
    void eventsAboutASubjectAreItsStoryOldestFirst() {
        Event started = event("prod", minutes(1), "rollback.started", "run-1");
        Event step = event("prod", minutes(2), "rollback.step", "run-1");
        Event finished = event("prod", minutes(3), "rollback.finished", "run-1");
        List.of(finished, started, event("prod", minutes(2), "rollback.started", "run-2"), step)
                .forEach(store()::appendEvent);
        assertThat(store().eventsAbout("run-1")).containsExactly(started, step, finished);
        assertThat(store().eventsAbout("run-3")).isEmpty();
    }

    // tokens

    private static ApiToken token(String name, String sha256, Instant at) {
        return new ApiToken(name, Role.OPERATOR, sha256, at, "ana", null, null);
    }

    @Test
    void aTokenRoundTripsByItsHashAndIsListedNewestFirst() {
        ApiToken alice = new ApiToken("alice", Role.VIEWER, "aa11", T0, "ana", null, null);
        ApiToken bot = token("deploy-bot", "bb22", minutes(1));
        store().insertToken(alice);
        store().insertToken(bot);
        assertThat(store().tokenBySha256("aa11")).contains(alice);
        assertThat(store().tokenBySha256("cc33")).isEmpty();
        assertThat(store().tokens()).containsExactly(bot, alice);
    }

    @Test
    void aRevokedTokenStaysListedAndItsNameCanBeGivenAgain() {
        store().insertToken(token("alice", "aa11", T0));
        ApiToken revoked = store().revokeToken("alice", minutes(2)).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(minutes(2));
        assertThat(store().revokeToken("alice", minutes(3))).isEmpty();
        assertThat(store().revokeToken("nobody", minutes(3))).isEmpty();
        ApiToken again = token("alice", "dd44", minutes(4));
        store().insertToken(again);
        assertThat(store().tokens()).containsExactly(again, revoked);
    }

    @Test
    void twoTokensNotRevokedCannotShareAName() {
        store().insertToken(token("alice", "aa11", T0));
        assertStoreError(() -> store().insertToken(token("alice", "bb22", minutes(1))), "token alice");
        assertThat(store().tokens()).hasSize(1);
    }

    @Test
    void theLastUseOfATokenIsRecorded() {
        store().insertToken(token("alice", "aa11", T0));
        store().tokenUsed("aa11", minutes(5));
        assertThat(store().tokenBySha256("aa11").orElseThrow().lastUsedAt()).isEqualTo(minutes(5));
    }

    // leases

    private static Lease lease(String runId, Instant at) {
        return new Lease("prod", runId, "rollback by alice", "host-a", 42, at, at, at.plusSeconds(30));
    }

    @Test
    void aFreeEnvironmentIsLockedByTheFirstRunOnly() {
        Lease first = lease("run-1", T0);
        assertThat(store().acquireLease(first, held -> false)).isEqualTo(first);
        assertThat(store().acquireLease(lease("run-2", T0.plusSeconds(1)), held -> false)).isEqualTo(first);
        assertThat(store().lease("prod")).contains(first);
    }

    @Test
    void aLeaseIsTakenOverOnlyWhenItLapsedOrItsHolderIsGone() {
        Lease first = lease("run-1", T0);
        store().acquireLease(first, held -> false);
        assertThat(store().acquireLease(lease("run-1", T0.plusSeconds(5)), held -> false))
                .as("a run resuming itself while its old process may still run").isEqualTo(first);
        Lease orphaned = lease("run-2", T0.plusSeconds(6));
        assertThat(store().acquireLease(orphaned, held -> held.runId().equals("run-1"))).isEqualTo(orphaned);
        Lease late = lease("run-3", T0.plusSeconds(60));
        assertThat(store().acquireLease(late, held -> false)).isEqualTo(late);
    }

    @Test
    void renewingAndReleasingOnlyActOnTheHoldersLease() {
        store().acquireLease(lease("run-1", T0), held -> false);
        assertThat(store().renewLease("prod", "run-2", T0.plusSeconds(10), T0.plusSeconds(40))).isFalse();
        assertThat(store().renewLease("prod", "run-1", T0.plusSeconds(10), T0.plusSeconds(40))).isTrue();
        assertThat(store().lease("prod").orElseThrow().expiresAt()).isEqualTo(T0.plusSeconds(40));
        store().releaseLease("prod", "run-2");
        assertThat(store().lease("prod")).isPresent();
        store().releaseLease("prod", "run-1");
        assertThat(store().lease("prod")).isEmpty();
    }

    @Test
    void runsRacingForOneEnvironmentHaveExactlyOneWinner() throws Exception {
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Lease>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Lease wanted = lease("run-" + i, T0);
                results.add(pool.submit(() -> store().acquireLease(wanted, held -> false)));
            }
            Set<String> winners = new HashSet<>();
            for (Future<Lease> result : results) {
                winners.add(result.get().runId());
            }
            assertThat(winners).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAdvisoryLockIsGrantedAndReleased() throws Exception {
        AutoCloseable lock = store().tryAdvisoryLock("rewind:prod").orElseThrow();
        lock.close();
        store().tryAdvisoryLock("rewind:prod").orElseThrow().close();
    }

    // schema

    @Test
    void reopeningKeepsTheDataAndMigratesNothing() {
        Release release = release("prod", T0, ReleaseStatus.LIVE);
        store().insertRelease(release);
        Object migrations = queryValue("SELECT COUNT(*) FROM rewind_schema_history");
        assertThat(store().schemaVersion()).isEqualTo("4");
        try (StateStore again = openStore()) {
            assertThat(again.schemaVersion()).isEqualTo("4");
            assertThat(again.liveRelease("prod")).contains(release);
        }
        assertThat(queryValue("SELECT COUNT(*) FROM rewind_schema_history")).isEqualTo(migrations);
    }

    @Test
    void storesOpenedAtOnceOnANewDatabaseAllMigrateIt() throws Exception {
        int openers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        try {
            List<Future<String>> versions = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                versions.add(pool.submit(() -> {
                    try (StateStore store = openStore()) {
                        return store.schemaVersion();
                    }
                }));
            }
            for (Future<String> version : versions) {
                assertThat(version.get()).isEqualTo("4");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStoreFromANewerRewindIsRefused() {
        store().close();
        execute("INSERT INTO rewind_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (99, '999', 'from the future', 'SQL',"
                + " 'V999__from_the_future.sql', 0, 'rewind', 1, TRUE)");
        assertStoreError(this::openStore, "schema version 999", "newer Rewind", "Upgrade Rewind");
    }
}
