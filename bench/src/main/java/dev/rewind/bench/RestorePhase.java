package dev.rewind.bench;

import dev.rewind.core.backup.BackupManifest;
import dev.rewind.core.backup.Backups;
import dev.rewind.core.backup.Restorer;
import dev.rewind.core.backup.SetVerification;
import dev.rewind.core.backup.TableCount;
import dev.rewind.core.backup.files.DirectoryVerifier;
import dev.rewind.core.backup.files.SwapResult;
import dev.rewind.core.backup.files.VerifyResult;
import dev.rewind.core.store.Ids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A rollback: the runbook's restore (site down), then Rewind's restore beside the live data (site up, the live reader
 * querying), the swaps, and the checks that the live data is the backup's after each.
 */
final class RestorePhase {

    private final Bench bench;
    private final Results results;
    private final BackupPhase.Sets sets;
    private final List<TableCount> expected;

    RestorePhase(Bench bench, BackupPhase.Sets sets) {
        this.bench = bench;
        this.results = bench.results();
        this.sets = sets;
        this.expected = item(sets.dumpSets().getFirst()).tables();
    }

    void run() {
        runbook();
        List<String> dumpTags = new ArrayList<>();
        List<String> cloneTags = new ArrayList<>();
        bench.repeat(i -> {
            dumpTags.add(Ids.run());
            cloneTags.add(Ids.run());
        });
        bench.repeat(i -> prepare(sets.dumpSets().get(i), RewindWay.DB, dumpTags.get(i), Step.REWIND_DUMP_PREPARE,
                Step.REWIND_DUMP_SHADOW, "restore to shadow (dump)"));
        bench.repeat(i -> prepare(sets.filesSets().get(i), RewindWay.UPLOADS, dumpTags.get(i),
                Step.REWIND_FILES_PREPARE, Step.REWIND_FILES_STAGE, null));
        bench.repeat(i -> prepare(sets.cloneSets().get(i), RewindWay.DB, cloneTags.get(i), Step.REWIND_CLONE_PREPARE,
                Step.REWIND_CLONE_SHADOW, "restore to shadow (clone)"));
        bench.repeat(i -> swap(dumpTags.get(i), i));
        bench.repeat(i -> swapClone(cloneTags.get(i)));
        diagnostics();
    }

    /** (d) Terminate, drop, create, {@code gunzip | psql}; {@code rm -rf} and {@code tar xzf}. */
    private void runbook() {
        RunbookWay runbook = bench.runbook();
        bench.repeat(i -> {
            bench.measure(Step.RUNBOOK_RECREATE, runbook::recreateDatabase);
            bench.measure(Step.RUNBOOK_LOAD, () -> runbook.loadDatabase(i));
            bench.requireCounts(Bench.DATABASE, expected, "gunzip | psql");
            bench.measure(Step.RUNBOOK_FILES_RESTORE, () -> runbook.restoreFiles(i));
        });
    }

    /** (e) A rollback's prepare of one set; for a database, the live reader queries live while it runs. */
    private void prepare(Backups.Taken set, String datastore, String tag, Step total, Step part, String readerLabel) {
        List<Restorer.Step> prepared;
        if (readerLabel == null) {
            prepared = bench.measure(total, () -> bench.rewind().prepare(set, datastore, tag));
        } else {
            try (LiveReader reader = bench.reader()) {
                prepared = bench.measure(total, () -> bench.rewind().prepare(set, datastore, tag));
                results.reader(readerLabel, reader.stop());
            }
        }
        bench.part(part, Duration.ofMillis(prepared.getFirst().durationMillis()));
    }

    /** (f) The swap of a dump's shadow and staged uploads; then live must hold the backup. */
    private void swap(String tag, int repetition) {
        var database = bench.measure(Step.SWAP_DB_DUMP, () -> bench.rewind().swapDatabase(tag));
        bench.part(Step.SWAP_DB_DUMP_BLOCKED, Duration.ofMillis(database.durationMillis()));
        SwapResult files = bench.measure(Step.SWAP_FILES, () -> bench.rewind().swapFiles(tag));
        bench.requireCounts(Bench.DATABASE, expected, "the swap of the dump's shadow");
        VerifyResult uploads = DirectoryVerifier.verify(files.live(), item(sets.filesSets().get(repetition)).files());
        if (!uploads.ok()) {
            throw new IllegalStateException("after the swap, the uploads differ from the backup: " + uploads.summary());
        }
        Log.info("checked: after the swap, every upload matches the backup's SHA-256");
    }

    private void swapClone(String tag) {
        var database = bench.measure(Step.SWAP_DB_CLONE, () -> bench.rewind().swapDatabase(tag));
        bench.part(Step.SWAP_DB_CLONE_BLOCKED, Duration.ofMillis(database.durationMillis()));
        bench.requireCounts(Bench.DATABASE, expected, "the swap of the clone's shadow");
    }

    /**
     * The restores' parts alone, once: the dump set's verification, a bare {@code pg_restore}, and a clone's shadow
     * made with {@code STRATEGY FILE_COPY} (what the engine's clone restore would do with it). The databases are dropped
     * only at the end, so no step reuses the memory of one dropped just before.
     */
    private void diagnostics() {
        Backups.Taken dump = sets.dumpSets().getFirst();
        SetVerification verified = bench.measure(Step.DIAG_VERIFY_DUMP, () -> bench.rewind().verify(dump));
        if (!verified.ok()) {
            throw new IllegalStateException("the dump set no longer verifies: " + verified.problems());
        }
        Diagnostics diagnostics = bench.diagnostics();
        String restored = bench.measure(Step.DIAG_PG_RESTORE,
                () -> diagnostics.pgRestore(bench.rewind().itemDir(dump, RewindWay.DB)));
        String clone = item(sets.cloneSets().getFirst()).location();
        String shadow = bench.measure(Step.DIAG_SHADOW_FILE_COPY, () -> diagnostics.fileCopyShadow(clone, expected));
        diagnostics.dropDatabase(restored);
        diagnostics.dropDatabase(shadow);
    }

    private static BackupManifest.Item item(Backups.Taken set) {
        return set.manifest().items().getFirst();
    }
}
