package dev.rewind.bench;

import static dev.rewind.bench.Shell.quote;

import dev.rewind.core.backup.Backups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Before a deploy: the runbook's backup, the physical floor, Rewind's sets, and where their time goes. */
final class BackupPhase {

    /** The sets Rewind took, one of each kind per repetition. */
    record Sets(List<Backups.Taken> dumpSets, List<Backups.Taken> cloneSets, List<Backups.Taken> filesSets) {}

    private final Bench bench;
    private final Results results;

    BackupPhase(Bench bench) {
        this.bench = bench;
        this.results = bench.results();
    }

    Sets run() {
        runbook();
        floor();
        Sets sets = rewind();
        diagnostics(sets);
        return sets;
    }

    /** (a) {@code pg_dump | gzip} while the site reads, and {@code tar czf}. */
    private void runbook() {
        RunbookWay runbook = bench.runbook();
        bench.repeat(i -> {
            try (LiveReader reader = bench.reader()) {
                bench.measure(Step.RUNBOOK_DB_BACKUP, () -> runbook.backupDatabase(i));
                results.reader("pg_dump | gzip", reader.stop());
            }
            bench.measure(Step.RUNBOOK_FILES_BACKUP, () -> runbook.backupFiles(i));
        });
        results.size("pg_dump | gzip (shop.sql.gz)", ByteSize.format(Sizes.file(runbook.dumpFile(0))));
        results.size("tar czf (uploads.tgz)", ByteSize.format(Sizes.file(runbook.archive(0))));
    }

    /**
     * (b) A raw copy of the database's files after a checkpoint. The copies are kept until the end, so that each is
     * written into memory the machine has not just freed, like every other step's output (see BENCHMARKS.md).
     */
    private void floor() {
        Path source = bench.server().databaseDir(Bench.DATABASE);
        Path floors = bench.workspace().dir("floor");
        bench.repeat(i -> bench.measure(Step.FLOOR, () -> bench.shell().run("cp -r " + quote(source) + " "
                + quote(floors.resolve("copy-" + i)))));
        results.size("raw files of the database (base/<oid>)", ByteSize.format(Sizes.tree(floors.resolve("copy-0"))));
    }

    /** (c) {@code rewind backup} with strategy dump (the site reading), with clone, and of the uploads. */
    private Sets rewind() {
        RewindWay rewind = bench.rewind();
        Sets sets = new Sets(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        bench.repeat(i -> {
            try (LiveReader reader = bench.reader()) {
                sets.dumpSets().add(bench.measure(Step.REWIND_DUMP_SET,
                        () -> rewind.backup(RewindWay.environment(RewindWay.DUMP, i))));
                results.reader("rewind backup (dump)", reader.stop());
            }
            sets.cloneSets().add(bench.measure(Step.REWIND_CLONE_SET,
                    () -> rewind.backup(RewindWay.environment(RewindWay.CLONE, i))));
            sets.filesSets().add(bench.measure(Step.REWIND_FILES_SET,
                    () -> rewind.backup(RewindWay.environment(RewindWay.FILES, i))));
        });
        Backups.Taken dump = sets.dumpSets().getFirst();
        results.size("Rewind dump (pg_dump -Fd, uncompressed)", ByteSize.format(dump.manifest().sizeBytes()) + " in "
                + dump.manifest().items().getFirst().files().size() + " files");
        results.size("Rewind uploads snapshot", ByteSize.format(sets.filesSets().getFirst().manifest().sizeBytes()));
        return sets;
    }

    /**
     * The parts of the dump backup, of the runbook's and of the floor, each alone and once (the copy into freed memory
     * once per repetition), on the same database.
     */
    private void diagnostics(Sets sets) {
        Diagnostics diagnostics = bench.diagnostics();
        Path dir = bench.workspace().dir("diagnostics");
        int jobs = bench.rewind().jobs();
        bench.measure(Step.DIAG_COUNTS, diagnostics::exactCounts);
        bench.measure(Step.DIAG_PG_DUMP_DIR, () -> diagnostics.pgDumpDirectory(dir.resolve("fd-sync"), jobs, true));
        bench.measure(Step.DIAG_PG_DUMP_DIR_NO_SYNC,
                () -> diagnostics.pgDumpDirectory(dir.resolve("fd-no-sync"), jobs, false));
        bench.measure(Step.DIAG_PG_DUMP_DIR_ONE_JOB,
                () -> diagnostics.pgDumpDirectory(dir.resolve("fd-one-job"), 1, false));
        Path dumpDir = bench.rewind().itemDir(sets.dumpSets().getFirst(), RewindWay.DB);
        bench.measure(Step.DIAG_SHA256, () -> Diagnostics.sha256(dumpDir));
        Path plain = dir.resolve("shop.sql");
        bench.measure(Step.DIAG_PG_DUMP_PLAIN, () -> diagnostics.pgDumpPlain(plain));
        results.size("plain SQL dump (pg_dump > shop.sql)", ByteSize.format(Sizes.file(plain)));
        bench.measure(Step.DIAG_GZIP, () -> diagnostics.gzip(plain));
        Path source = bench.server().databaseDir(Bench.DATABASE);
        bench.measure(Step.DIAG_FLOOR_SYNCED, () -> diagnostics.copySynced(source, dir.resolve("floor-synced")));
        String walLog = bench.measure(Step.DIAG_CLONE_WAL_LOG, () -> diagnostics.templateCopy("WAL_LOG"));
        String fileCopy = bench.measure(Step.DIAG_CLONE_FILE_COPY, () -> diagnostics.templateCopy("FILE_COPY"));
        Path floors = bench.workspace().root().resolve("floor");
        bench.repeat(i -> {
            Path previous = floors.resolve(i == 0 ? "copy-0" : "recycled-" + (i - 1));
            bench.measure(Step.DIAG_FLOOR_RECYCLED, () -> bench.shell().run("rm -rf " + quote(previous)),
                    () -> bench.shell().run("cp -r " + quote(source) + " " + quote(floors.resolve("recycled-" + i))));
        });
        diagnostics.dropDatabase(walLog);
        diagnostics.dropDatabase(fileCopy);
        bench.shell().run("rm -rf " + quote(dir) + " " + quote(floors));
    }
}
