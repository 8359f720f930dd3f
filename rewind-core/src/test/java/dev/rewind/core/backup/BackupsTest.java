package dev.rewind.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.files.Checksums;
import dev.rewind.core.store.BackupStatus;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class BackupsTest {

    @TempDir
    Path project;

    @Test
    void aDumpSetRecordsExactCountsAndEveryChecksum(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Backups.Taken taken = f.take();

            assertThat(taken.set().status()).isEqualTo(BackupStatus.COMPLETE);
            BackupManifest manifest = f.backups.manifest(taken.set());
            BackupManifest.Item dbItem = manifest.items().get(0);
            assertThat(dbItem.strategy()).isEqualTo("dump");
            assertThat(dbItem.serverVersion()).startsWith("15.");
            assertThat(dbItem.tables()).containsExactly(
                    new TableCount("public", "customers", 200), new TableCount("public", "orders", 500));
            assertThat(dbItem.files()).isNotEmpty().allSatisfy(e -> assertThat(e.sha256())
                    .isEqualTo(Checksums.sha256(f.layout.itemDir("production", taken.set().id(), "db").resolve(e.path()))));
            BackupManifest.Item uploads = manifest.items().get(1);
            assertThat(uploads.files()).extracting(FileEntry::path).containsExactly("a.txt", "nested/b.txt");
            assertThat(f.store.backupItems(taken.set().id())).extracting(i -> i.datastore()).containsExactly("db", "uploads");
            assertThat(taken.set().sizeBytes()).isEqualTo(manifest.sizeBytes()).isPositive();
        }
    }

    @Test
    void verifyNamesAFlippedByteAndARestoreRefusesChangingNothing(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            var set = f.take().set();
            Path file = f.layout.itemDir("production", set.id(), "uploads").resolve("a.txt");
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            byte[] bytes = Files.readAllBytes(file);
            bytes[0] ^= 1;
            Files.write(file, bytes);
            f.db.execute("INSERT INTO orders(customer_id, total) VALUES (1, 1)");

            SetVerification verification = f.backups.verify(set, f.env, Progress.NONE);
            Restorer restorer = new Restorer(f.backups, f.layout, project, f.options());

            assertThat(verification.problems()).containsExactly("altered: uploads/a.txt");
            assertThatThrownBy(() -> restorer.prepare(set, f.env, Set.of("db", "uploads"), "run-20261121-100000-abcd", Progress.NONE))
                    .isInstanceOf(RewindException.class)
                    .hasMessageContaining("backup set " + set.id() + " is damaged, so nothing was restored: altered: uploads/a.txt");
            assertThat(f.count("orders")).isEqualTo(501);
            assertThat(Files.list(project).map(p -> p.getFileName().toString())).doesNotContain("uploads.rewind-staging-run-20261121-100000-abcd");
            assertThat(f.db.queryValue("SELECT count(*) FROM pg_database WHERE datname LIKE '%__rewind_shadow_%'")).isEqualTo(0L);
        }
    }

    @Test
    void restoreAndSwapKeepTheFailedStateAndPutTheBackupLive(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            var set = f.take().set();
            f.db.execute("INSERT INTO orders(customer_id, total) SELECT 1, 1 FROM generate_series(1, 25)");
            f.write("uploads/c.txt", "written after the backup");
            String tag = "run-20261121-100000-abcd";
            Restorer restorer = new Restorer(f.backups, f.layout, project, f.options());

            restorer.prepare(set, f.env, Set.of("db", "uploads"), tag, Progress.NONE);
            restorer.swap(set, f.env, Set.of("db", "uploads"), tag);
            restorer.swap(set, f.env, Set.of("db", "uploads"), tag);

            assertThat(f.count("orders")).isEqualTo(500);
            String kept = db.name() + "__rewind_run_20261121_100000_abcd";
            assertThat(f.db.queryValue("SELECT count(*) FROM pg_database WHERE datname = '" + kept + "'")).isEqualTo(1L);
            var keptDb = new PostgresDatabase(db.host(), db.port(), kept, db.user());
            assertThat(keptDb.queryValue("SELECT count(*) FROM orders")).isEqualTo(525L);
            assertThat(project.resolve("uploads/c.txt")).doesNotExist();
            assertThat(project.resolve("uploads/a.txt")).hasContent("alpha");
            assertThat(project.resolve("uploads.rewind-" + tag + "/c.txt")).hasContent("written after the backup");
        }
    }

    @Test
    void aCloneSetRestoresWithoutClientTools(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "clone", 5)) {
            var noTools = new Backups.Options(false, 2, "/nonexistent");
            var set = f.backups.take("production", f.env, null, noTools, Progress.NONE).set();
            f.db.execute("DELETE FROM orders WHERE id > 100");
            String tag = "run-20261121-110000-wxyz";
            Restorer restorer = new Restorer(f.backups, f.layout, project, noTools);

            restorer.prepare(set, f.env, Set.of("db"), tag, Progress.NONE);
            restorer.swap(set, f.env, Set.of("db"), tag);

            assertThat(f.backups.verify(set, f.env, Progress.NONE).ok()).isTrue();
            assertThat(f.count("orders")).isEqualTo(500);
        }
    }

    @Test
    void aDumpWithoutPgDumpOnThePathSaysHowToFixIt(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            var noTools = new Backups.Options(false, 2, "/nonexistent");

            assertThatThrownBy(() -> f.backups.take("production", f.env, null, noTools, Progress.NONE))
                    .isInstanceOf(RewindException.class)
                    .hasMessageContaining("pg_dump")
                    .hasMessageContaining("strategy: clone");
            assertThat(f.store.backupSets("production")).singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(BackupStatus.FAILED));
        }
    }

    @Test
    void retentionKeepsTheNewestSetsAndHardLinksUnchangedFiles(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 2)) {
            var first = f.take();
            var second = f.take();
            var third = f.take();

            assertThat(third.pruned()).containsExactly(first.set().id());
            assertThat(f.store.backupSets("production")).extracting(s -> s.id())
                    .containsExactly(third.set().id(), second.set().id());
            assertThat(f.layout.setDir("production", first.set().id())).doesNotExist();
            Path a2 = f.layout.itemDir("production", second.set().id(), "uploads").resolve("a.txt");
            Path a3 = f.layout.itemDir("production", third.set().id(), "uploads").resolve("a.txt");
            assertThat(Files.isSameFile(a2, a3)).isTrue();
        }
    }

    @Test
    void pruneListsOldSetsAndKeptStateAndRemovesThemOnlyWhenAsked(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            var old = f.take().set();
            var newest = f.take().set();
            String tag = "run-20200101-100000-abcd";
            Restorer restorer = new Restorer(f.backups, f.layout, project, f.options());
            restorer.prepare(newest, f.env, Set.of("db", "uploads"), tag, Progress.NONE);
            restorer.swap(newest, f.env, Set.of("db", "uploads"), tag);

            PruneResult listed = f.backups.prune("production", f.env, Duration.ZERO, false);

            assertThat(listed.candidates()).extracting(PruneResult.Candidate::kind, PruneResult.Candidate::name).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("backup_set", old.id()),
                    org.assertj.core.groups.Tuple.tuple("kept_database", db.name() + "__rewind_run_20200101_100000_abcd"),
                    org.assertj.core.groups.Tuple.tuple("kept_directory", project.resolve("uploads.rewind-" + tag).toString()));
            assertThat(f.store.backupSets("production")).hasSize(2);
            assertThat(project.resolve("uploads.rewind-" + tag)).isDirectory();

            PruneResult removed = f.backups.prune("production", f.env, Duration.ZERO, true);

            assertThat(removed.applied()).isTrue();
            assertThat(f.store.backupSets("production")).extracting(s -> s.id()).containsExactly(newest.id());
            assertThat(project.resolve("uploads.rewind-" + tag)).doesNotExist();
            assertThat(f.db.queryValue("SELECT count(*) FROM pg_database WHERE datname LIKE '%__rewind_run_%'")).isEqualTo(0L);
            assertThat(f.backups.prune("production", f.env, Duration.ZERO, false).candidates()).isEmpty();
            assertThat(f.backups.prune("production", f.env, Duration.ofDays(7), false).candidates()).isEmpty();
            assertThat(List.of(f.count("orders"))).containsExactly(500L);
        }
    }
}
