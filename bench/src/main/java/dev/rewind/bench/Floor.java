package dev.rewind.bench;

import static dev.rewind.bench.Shell.quote;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The physical floor of a backup and a restore of the shop: {@code cp -a} of the database's files
 * ({@code base/<oid>}, after a CHECKPOINT) and of the uploads, then {@code cp -a} of those copies (the same bytes
 * written back): a floor for any backup or restore that copies these bytes on this disk.
 *
 * @param backup  the raw copy
 * @param restore the copy of the copy
 * @param bytes   how much was copied
 */
record Floor(Duration backup, Duration restore, long bytes) {

    /** Copies into {@code dir}, which is removed after. */
    static Floor measure(ShopSetup setup, Path dir) {
        Path source = setup.server().databaseDir(Bench.DATABASE);
        Path uploads = setup.project().dir().resolve(RewindWay.UPLOADS);
        Shell shell = setup.shell();
        setup.settle();
        Duration backup = rawCopy(shell, "cp -a " + quote(source) + " " + quote(dir.resolve("db")) + " && cp -a "
                + quote(uploads) + " " + quote(dir.resolve("uploads")), dir);
        long bytes = Sizes.tree(dir);
        setup.settle();
        Duration restore = shell.run("cp -a " + quote(dir.resolve("db")) + " " + quote(dir.resolve("db-restored"))
                + " && cp -a " + quote(dir.resolve("uploads")) + " " + quote(dir.resolve("uploads-restored")));
        shell.run("rm -rf " + quote(dir));
        Log.info("physical floor: cp -a " + Timed.format(backup) + ", cp -a of the copies " + Timed.format(restore));
        return new Floor(backup, restore, bytes);
    }

    /**
     * The copy of a running server's files, timed; tried again from scratch (up to 3 times) when a file vanished
     * under it: PostgreSQL removes and rewrites its relation cache file ({@code pg_internal.init}) at any time.
     */
    private static Duration rawCopy(Shell shell, String copy, Path dir) {
        for (int attempt = 1; ; attempt++) {
            try {
                return shell.run(copy);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !e.getMessage().contains("No such file or directory")) {
                    throw e;
                }
                Log.info("the raw copy met a file PostgreSQL removed meanwhile; copying again");
                shell.run("rm -rf " + quote(dir.resolve("db")) + " " + quote(dir.resolve("uploads")));
            }
        }
    }
}
