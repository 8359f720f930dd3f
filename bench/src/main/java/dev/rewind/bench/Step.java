package dev.rewind.bench;

/** Everything the benchmark times, with what exactly ran. {@code N} is the number of parallel jobs. */
enum Step {
    RUNBOOK_DB_BACKUP("pg_dump shop | gzip > shop.sql.gz"),
    RUNBOOK_FILES_BACKUP("tar czf uploads.tgz uploads"),
    FLOOR("cp -r base/<oid> (the physical floor), into new memory like every other step"),
    REWIND_DUMP_SET("rewind backup, strategy dump: exact counts, pg_dump -Fd -jN -Z0, SHA-256 of every file, manifest"),
    REWIND_CLONE_SET("rewind backup, strategy clone: CREATE DATABASE … TEMPLATE shop, exact counts, manifest"),
    REWIND_FILES_SET("rewind backup of uploads: copy + SHA-256 + fsync of every file, manifest"),

    DIAG_COUNTS("exact count(*) of every table (what a dump set records)"),
    DIAG_PG_DUMP_DIR("pg_dump -Fd -jN -Z0 (the engine's command; pg_dump fsyncs its files)"),
    DIAG_PG_DUMP_DIR_NO_SYNC("pg_dump -Fd -jN -Z0 --no-sync"),
    DIAG_PG_DUMP_DIR_ONE_JOB("pg_dump -Fd -j1 -Z0 --no-sync"),
    DIAG_SHA256("SHA-256 of the dump's files, in parallel (what the manifest records)"),
    DIAG_PG_DUMP_PLAIN("pg_dump shop > shop.sql (the runbook without gzip)"),
    DIAG_GZIP("gzip -c shop.sql > /dev/null (the runbook's compression alone)"),
    DIAG_FLOOR_RECYCLED("cp -r base/<oid> right after deleting a copy, into just-freed page cache"),
    DIAG_FLOOR_SYNCED("cp -r base/<oid> && sync (the floor, made durable)"),
    DIAG_CLONE_WAL_LOG("CREATE DATABASE … TEMPLATE shop (STRATEGY WAL_LOG, PostgreSQL 15's default)"),
    DIAG_CLONE_FILE_COPY("CREATE DATABASE … TEMPLATE shop STRATEGY FILE_COPY"),

    RUNBOOK_RECREATE("terminate connections, DROP DATABASE, CREATE DATABASE"),
    RUNBOOK_LOAD("gunzip -c shop.sql.gz | psql"),
    RUNBOOK_FILES_RESTORE("rm -rf uploads && tar xzf uploads.tgz"),
    REWIND_DUMP_PREPARE("rollback prepare, dump set: verify every SHA-256, then restore into a shadow"),
    REWIND_DUMP_SHADOW("its shadow restore: CREATE DATABASE, pg_restore -jN, exact counts (engine's measure)"),
    REWIND_CLONE_PREPARE("rollback prepare, clone set: check the clone's counts, then restore into a shadow"),
    REWIND_CLONE_SHADOW("its shadow restore: CREATE DATABASE … TEMPLATE clone, exact counts (engine's measure)"),
    REWIND_FILES_PREPARE("rollback prepare, uploads: verify every SHA-256, then stage a verified copy"),
    REWIND_FILES_STAGE("its staging: copy + SHA-256 + fsync of every file (engine's measure)"),
    SWAP_DB_DUMP("database swap after the dump restore (settings, block, terminate, two renames)"),
    SWAP_DB_DUMP_BLOCKED("of which the database refused connections (engine's measure)"),
    SWAP_FILES("uploads swap: two renames + fsync of the parent directory"),
    SWAP_DB_CLONE("database swap after the clone restore"),
    SWAP_DB_CLONE_BLOCKED("of which the database refused connections (engine's measure)"),

    DIAG_VERIFY_DUMP("SHA-256 re-check of the dump set alone (rewind backups --verify)"),
    DIAG_PG_RESTORE("createdb + pg_restore -jN of the dump alone (no verification, no counts)"),
    DIAG_SHADOW_FILE_COPY("a clone's shadow made with CREATE DATABASE … TEMPLATE clone STRATEGY FILE_COPY, exact counts");

    private final String ran;

    Step(String ran) {
        this.ran = ran;
    }

    String ran() {
        return ran;
    }
}
