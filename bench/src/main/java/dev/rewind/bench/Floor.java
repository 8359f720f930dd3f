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
        Duration backup = shell.run("cp -a " + quote(source) + " " + quote(dir.resolve("db")) + " && cp -a "
                + quote(uploads) + " " + quote(dir.resolve("uploads")));
        long bytes = Sizes.tree(dir);
        setup.settle();
        Duration restore = shell.run("cp -a " + quote(dir.resolve("db")) + " " + quote(dir.resolve("db-restored"))
                + " && cp -a " + quote(dir.resolve("uploads")) + " " + quote(dir.resolve("uploads-restored")));
        shell.run("rm -rf " + quote(dir));
        Log.info("physical floor: cp -a " + Timed.format(backup) + ", cp -a of the copies " + Timed.format(restore));
        return new Floor(backup, restore, bytes);
    }
}
