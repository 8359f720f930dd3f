package dev.rewind.bench;

import static dev.rewind.bench.Markdown.escape;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results as Markdown: the comparison with its targets, where the time goes, the live reads, the sizes. */
final class Report {

    private static final Map<String, List<Step>> BREAKDOWN = breakdownGroups();

    private final Results results;
    private final Machine machine;
    private final String command;
    private final StringBuilder out = new StringBuilder();

    Report(Results results, Machine machine, String command) {
        this.results = results;
        this.machine = machine;
        this.command = command;
    }

    String markdown() {
        line("#### `" + command + "`");
        line("");
        line(machine.summary());
        line("");
        int runs = results.count(Step.REWIND_DUMP_SET);
        line((runs == 1 ? "Times are from one run" : "Times are medians of " + runs + " runs (min and max below)")
                + "; ratio is rewind ÷ runbook.");
        line("");
        comparison();
        targetList();
        breakdown();
        readers();
        sizes();
        return out.toString();
    }

    private void comparison() {
        Targets targets = Targets.of(results);
        line("| step | runbook | rewind | ratio | target |");
        line("|---|---|---|---|---|");
        line("| **backup, before a deploy** | | | | |");
        row("database, `dump` (site up)", Step.RUNBOOK_DB_BACKUP, Step.REWIND_DUMP_SET,
                cell(targets.dumpBackup()) + "; " + cell(targets.dumpVsFloor()) + "; "
                        + cell(targets.dumpVsFreedFloor()));
        row("database, `clone` (app stopped)", Step.RUNBOOK_DB_BACKUP, Step.REWIND_CLONE_SET, "");
        row("uploads", Step.RUNBOOK_FILES_BACKUP, Step.REWIND_FILES_SET, "");
        Duration runbookBoth = t(Step.RUNBOOK_DB_BACKUP).plus(t(Step.RUNBOOK_FILES_BACKUP));
        Duration rewindBoth = t(Step.REWIND_DUMP_SET).plus(t(Step.REWIND_FILES_SET));
        line("| database `dump` + uploads (sum of the rows above) | " + Timed.format(runbookBoth) + " | "
                + Timed.format(rewindBoth) + " | " + Ratio.format(rewindBoth, runbookBoth) + " | |");
        line("| raw copy of `base/<oid>` (physical floor): into new memory; into just-freed page cache | | "
                + Timed.format(t(Step.FLOOR)) + "; " + Timed.format(t(Step.DIAG_FLOOR_RECYCLED)) + " | | |");
        line("| **rollback** | | | | |");
        line("| terminate, drop and create the database (site down) | " + Timed.format(t(Step.RUNBOOK_RECREATE))
                + " | — | | |");
        row("database from `dump` (runbook: `gunzip | psql`, site down; rewind: verify + shadow, site up)",
                Step.RUNBOOK_LOAD, Step.REWIND_DUMP_PREPARE, cell(targets.dumpRestore()));
        row("database from `clone` (rewind: check + shadow, site up)", Step.RUNBOOK_LOAD, Step.REWIND_CLONE_PREPARE,
                cell(targets.cloneRestore()));
        row("uploads (runbook: `rm -rf` + `tar xzf`; rewind: verify + staging)", Step.RUNBOOK_FILES_RESTORE,
                Step.REWIND_FILES_PREPARE, "");
        Duration down = t(Step.RUNBOOK_RECREATE).plus(t(Step.RUNBOOK_LOAD)).plus(t(Step.RUNBOOK_FILES_RESTORE));
        line("| **downtime** (runbook: the whole restore; rewind: the swap, database + uploads renames) | "
                + Timed.format(down) + " | " + Timed.format(swap()) + " | " + Ratio.format(swap(), down) + " | "
                + cell(targets.swap()) + " |");
        line("| swap after the `clone` restore (database) | | " + Timed.format(t(Step.SWAP_DB_CLONE)) + " | | "
                + cell(targets.cloneSwap()) + " |");
        line("");
    }

    private void targetList() {
        line("Targets:");
        line("");
        for (Target target : Targets.of(results).all()) {
            line("- " + target.describe());
        }
        line("");
    }

    private static Map<String, List<Step>> breakdownGroups() {
        Map<String, List<Step>> groups = new LinkedHashMap<>();
        groups.put("runbook backup", List.of(Step.RUNBOOK_DB_BACKUP, Step.DIAG_PG_DUMP_PLAIN, Step.DIAG_GZIP));
        groups.put("rewind backup, strategy dump", List.of(Step.REWIND_DUMP_SET, Step.DIAG_COUNTS, Step.DIAG_PG_DUMP_DIR,
                Step.DIAG_PG_DUMP_DIR_NO_SYNC, Step.DIAG_PG_DUMP_DIR_ONE_JOB, Step.DIAG_SHA256));
        groups.put("physical copies", List.of(Step.FLOOR, Step.DIAG_FLOOR_RECYCLED, Step.DIAG_FLOOR_SYNCED,
                Step.REWIND_CLONE_SET, Step.DIAG_CLONE_WAL_LOG, Step.DIAG_CLONE_FILE_COPY));
        groups.put("runbook restore", List.of(Step.RUNBOOK_RECREATE, Step.RUNBOOK_LOAD, Step.RUNBOOK_FILES_RESTORE));
        groups.put("rewind restore to shadow", List.of(Step.REWIND_DUMP_PREPARE, Step.REWIND_DUMP_SHADOW,
                Step.DIAG_VERIFY_DUMP, Step.DIAG_PG_RESTORE, Step.REWIND_CLONE_PREPARE, Step.REWIND_CLONE_SHADOW,
                Step.DIAG_SHADOW_FILE_COPY, Step.REWIND_FILES_PREPARE, Step.REWIND_FILES_STAGE));
        groups.put("rewind swap", List.of(Step.SWAP_DB_DUMP, Step.SWAP_DB_DUMP_BLOCKED, Step.SWAP_FILES,
                Step.SWAP_DB_CLONE, Step.SWAP_DB_CLONE_BLOCKED));
        return groups;
    }

    private void breakdown() {
        line("Where the time goes: every step, and its parts timed alone on the same data (`N` = " + machine.jobs()
                + " jobs; WAL: what PostgreSQL wrote to its write-ahead log meanwhile, median):");
        line("");
        line("| | what ran | runs | median | min – max | WAL |");
        line("|---|---|---|---|---|---|");
        BREAKDOWN.forEach((group, steps) -> {
            String name = "**" + group + "**";
            for (Step step : steps) {
                if (results.has(step)) {
                    int runs = results.count(step);
                    long wal = results.walBytes(step);
                    String range = runs == 1 ? ""
                            : Timed.format(results.min(step)) + " – " + Timed.format(results.max(step));
                    line("| " + name + " | " + escape(step.ran()) + " | " + runs + " | " + Timed.format(t(step)) + " | "
                            + range + " | " + (wal < 0 ? "" : ByteSize.format(wal)) + " |");
                    name = "";
                }
            }
        });
        line("");
    }

    private void readers() {
        line("The live reader (one query every " + LiveReader.INTERVAL.toMillis() + " ms on the live database):");
        line("");
        line("| while | queries ok | failed | max latency |");
        line("|---|---|---|---|");
        for (Map.Entry<String, LiveReader.Stats> entry : results.readers().entrySet()) {
            LiveReader.Stats stats = entry.getValue();
            line("| " + escape(entry.getKey()) + " | " + stats.ok() + " | " + stats.failed() + " | "
                    + Timed.format(stats.maxLatency()) + " |");
        }
        line("");
    }

    private void sizes() {
        line("| size | |");
        line("|---|---|");
        results.sizes().forEach((what, value) -> line("| " + escape(what) + " | " + value + " |"));
        line("");
    }

    private void row(String step, Step runbook, Step rewind, String target) {
        line("| " + escape(step) + " | " + Timed.format(t(runbook)) + " | " + Timed.format(t(rewind)) + " | "
                + Ratio.format(t(rewind), t(runbook)) + " | " + target + " |");
    }

    private static String cell(Target target) {
        return escape(target.cell());
    }

    private Duration swap() {
        return Targets.swap(results);
    }

    private Duration t(Step step) {
        return results.time(step);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
