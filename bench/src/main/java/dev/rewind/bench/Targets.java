package dev.rewind.bench;

import java.time.Duration;
import java.util.List;

/** The targets, evaluated on a run's medians. */
record Targets(Target dumpBackup, Target dumpVsFloor, Target dumpVsFreedFloor, Target cloneRestore,
               Target dumpRestore, Target swap, Target cloneSwap) {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    static Targets of(Results results) {
        Duration dumpSet = results.time(Step.REWIND_DUMP_SET);
        Duration load = results.time(Step.RUNBOOK_LOAD);
        return new Targets(
                Target.relative("dump backup ≤ 1/3 of `pg_dump | gzip`", "≤ 1/3 runbook", dumpSet,
                        results.time(Step.RUNBOOK_DB_BACKUP), 1 / 3.0),
                Target.relative("dump backup ≤ 2× the raw copy of `base/<oid>` (into new memory, like every step)",
                        "≤ 2× raw copy", dumpSet, results.time(Step.FLOOR), 2),
                Target.relative("dump backup ≤ 2× the raw copy of `base/<oid>` (into just-freed page cache)",
                        "≤ 2× raw copy into freed memory", dumpSet, results.time(Step.DIAG_FLOOR_RECYCLED), 2),
                Target.relative("clone restore-to-shadow ≤ 1/3 of `gunzip | psql`", "≤ 1/3 runbook",
                        results.time(Step.REWIND_CLONE_PREPARE), load, 1 / 3.0),
                Target.relative("dump restore-to-shadow ≤ `gunzip | psql`", "≤ runbook",
                        results.time(Step.REWIND_DUMP_PREPARE), load, 1),
                Target.below("swap < 1 s (after the dump restore: database + uploads)", swap(results), ONE_SECOND),
                Target.below("swap < 1 s (after the clone restore: database)", results.time(Step.SWAP_DB_CLONE),
                        ONE_SECOND));
    }

    /** The swap after a dump restore: the database's renames and the uploads'. */
    static Duration swap(Results results) {
        return results.time(Step.SWAP_DB_DUMP).plus(results.time(Step.SWAP_FILES));
    }

    List<Target> all() {
        return List.of(dumpBackup, dumpVsFloor, dumpVsFreedFloor, cloneRestore, dumpRestore, swap, cloneSwap);
    }
}
