package dev.rewind.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.PgTools;
import dev.rewind.core.store.BackupSet;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class StandbysTest {

    private static final String RUN = "run-20261121-120000-abcd";

    @TempDir
    Path project;

    @Test
    void aStandbyIsItsSetRestoredUnderItsNamesAndANewerOneReplacesIt(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet first = f.take().set();
            standbys.prepare(first, f.env, Progress.NONE);
            BackupSet second = f.take().set();

            StandbyResult result = standbys.prepare(second, f.env, Progress.NONE);

            assertThat(result.removed()).containsExactlyInAnyOrder(DatabaseNames.standby(db.name(), first.id()),
                    standbyDir(first).toString());
            assertThat(result.datastores()).extracting(Restorer.Step::datastore).containsExactly("db", "uploads");
            assertThat(databases(db)).filteredOn(DatabaseNames::isStandby)
                    .containsExactly(DatabaseNames.standby(db.name(), second.id()));
            allowConnections(db, DatabaseNames.standby(db.name(), second.id()), true); // closed once ready
            assertThat(database(db, DatabaseNames.standby(db.name(), second.id())).queryValue("SELECT count(*) FROM orders"))
                    .isEqualTo(500L);
            assertThat(standbyDir(second).resolve("nested/b.txt")).hasContent("bravo");
            assertThat(standbyDir(first)).doesNotExist();
            assertThat(standbys.ready("production", f.env)).get().satisfies(m -> {
                assertThat(m.setId()).isEqualTo(second.id());
                assertThat(m.items()).extracting(StandbyMarker.Item::datastore).containsExactly("db", "uploads");
            });
            assertThat(project.resolve(".rewind/standby/production.json")).isRegularFile();
            assertThat(f.count("orders")).isEqualTo(500);
        }
    }

    @Test
    void aRollbackTakesTheStandbyOverAndEndsAsARestoreWould(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            standbys.prepare(set, f.env, Progress.NONE);
            f.db.execute("INSERT INTO orders(customer_id, total) SELECT 1, 1 FROM generate_series(1, 25)");
            f.write("uploads/c.txt", "written after the backup");

            assertThat(standbys.check(set, f.env, List.of("db", "uploads")).values())
                    .allSatisfy(use -> assertThat(use.used()).as(use.reason()).isTrue());
            List<Prepared> adopted = standbys.adopt(set, f.env, List.of("db", "uploads"), RUN);
            new Restorer(f.backups, f.layout, project, f.options()).swap(set, f.env, Set.of("db", "uploads"), RUN);

            assertThat(adopted).allSatisfy(p -> assertThat(p.standby().used()).as(p.standby().reason()).isTrue());
            assertThat(adopted.getFirst().standby().reason()).contains("2 tables with the manifest's exact row counts");
            assertThat(adopted.getFirst().detail()).contains("renamed", DatabaseNames.shadow(db.name(), RUN));
            assertThat(f.count("orders")).isEqualTo(500);
            assertThat(database(db, DatabaseNames.kept(db.name(), RUN)).queryValue("SELECT count(*) FROM orders"))
                    .isEqualTo(525L);
            assertThat(project.resolve("uploads/c.txt")).doesNotExist();
            assertThat(project.resolve("uploads.rewind-" + RUN + "/c.txt")).hasContent("written after the backup");
            assertThat(databases(db)).noneMatch(DatabaseNames::isStandby);
            assertThat(standbyDir(set)).doesNotExist();
            assertThat(standbys.ready("production", f.env)).isEmpty();
        }
    }

    @Test
    void aStandbyWrittenToSinceItWasReadyIsNotUsed(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            standbys.prepare(set, f.env, Progress.NONE);
            Thread.sleep(20); // a file's ctime has the kernel's coarse clock: let its tick pass
            String standby = DatabaseNames.standby(db.name(), set.id());
            allowConnections(db, standby, true);
            database(db, standby).execute("UPDATE customers SET name = 'x' WHERE id = 1");
            allowConnections(db, standby, false);
            Files.writeString(standbyDir(set).resolve("a.txt"), "ALPHA");

            List<Prepared> adopted = standbys.adopt(set, f.env, List.of("db", "uploads"), RUN);

            assertThat(adopted).noneMatch(p -> p.standby().used());
            String keptDb = DatabaseNames.kept(db.name(), RUN + "_standby");
            Path keptDir = project.resolve("uploads.rewind-" + RUN + "-standby").toAbsolutePath().normalize();
            assertThat(adopted.get(0).standby().reason())
                    .contains("is not as it was when ready", "public.customers: 1 rows written since it was ready",
                            "kept as " + keptDb);
            assertThat(adopted.get(1).standby().reason()).contains("1 altered (a.txt)", "kept as " + keptDir);
            assertThat(database(db, keptDb).queryValue("SELECT name FROM customers WHERE id = 1")).isEqualTo("x");
            assertThat(keptDir.resolve("a.txt")).hasContent("ALPHA");
            assertThat(databases(db)).doesNotContain(DatabaseNames.shadow(db.name(), RUN), standby);
            assertThat(f.backups.prune("production", f.env, Duration.ZERO, false).candidates())
                    .extracting(PruneResult.Candidate::kind, PruneResult.Candidate::name).contains(
                            org.assertj.core.groups.Tuple.tuple("kept_database", keptDb),
                            org.assertj.core.groups.Tuple.tuple("kept_directory", keptDir.toString()));
        }
    }

    @Test
    void aDirectoryMovedIntoTheStandbyAndALinkWereNotSeen(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            f.write("elsewhere/nested/b.txt", "BRAVO"); // same name and size, its ctime older than the standby's
            standbys.prepare(set, f.env, Progress.NONE);
            Thread.sleep(20); // a ctime has the kernel's coarse clock: let its tick pass
            Files.move(standbyDir(set).resolve("nested"), project.resolve("moved-away"));
            Files.move(project.resolve("elsewhere/nested"), standbyDir(set).resolve("nested"));
            Files.createSymbolicLink(standbyDir(set).resolve("link"), project.resolve("elsewhere"));

            StandbyUse use = standbys.adopt(set, f.env, List.of("uploads"), RUN).getFirst().standby();

            assertThat(use.used()).isFalse();
            assertThat(use.reason()).contains("1 altered (nested/)", "1 unexpected (link)");
        }
    }

    @Test
    void aColumnAddedToTheStandbyShowsInItsCatalog(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            standbys.prepare(set, f.env, Progress.NONE);
            String standby = DatabaseNames.standby(db.name(), set.id());
            allowConnections(db, standby, true);
            database(db, standby).execute("ALTER TABLE customers ADD COLUMN note text"); // no row is rewritten
            allowConnections(db, standby, false);

            StandbyUse use = standbys.adopt(set, f.env, List.of("db"), RUN).getFirst().standby();

            assertThat(use.used()).isFalse();
            assertThat(use.reason()).contains("pg_attribute: ", "rows written since it was ready (a table or column"
                    + " was created or altered)").doesNotContain("public.customers");
        }
    }

    @Test
    void aRowAddedToTheStandbyShowsInItsCounts(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            standbys.prepare(set, f.env, Progress.NONE);
            String standby = DatabaseNames.standby(db.name(), set.id());
            allowConnections(db, standby, true);
            database(db, standby).execute("INSERT INTO customers(name) VALUES ('new')");
            allowConnections(db, standby, false);

            StandbyUse use = standbys.adopt(set, f.env, List.of("db"), RUN).getFirst().standby();

            assertThat(use.used()).isFalse();
            assertThat(use.reason()).contains("public.customers: expected 200 rows, found 201");
            assertThat(database(db, DatabaseNames.kept(db.name(), RUN + "_standby"))
                    .queryValue("SELECT count(*) FROM customers WHERE name = 'new'")).isEqualTo(1L);
        }
    }

    @Test
    void aReadyStandbyDatabaseRefusesConnections(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            standbys.prepare(set, f.env, Progress.NONE);
            String standby = DatabaseNames.standby(db.name(), set.id());

            assertThat(db.queryValue("SELECT datallowconn FROM pg_database WHERE datname = '" + standby + "'"))
                    .isEqualTo(false);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> database(db, standby).connect().close())
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("not currently accepting connections");
            assertThat(standbys.check(set, f.env, List.of("db")).get("db").used()).isTrue();
        }
    }

    @Test
    void aStandbyThatAllowsConnectionsIsNotUsed(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            standbys.prepare(set, f.env, Progress.NONE);
            String standby = DatabaseNames.standby(db.name(), set.id());
            allowConnections(db, standby, true);

            StandbyUse checked = standbys.check(set, f.env, List.of("db")).get("db");
            Prepared adopted = standbys.adopt(set, f.env, List.of("db"), RUN).getFirst();

            assertThat(checked.used()).isFalse();
            assertThat(checked.reason()).contains("the standby allowed connections: " + standby);
            assertThat(adopted.standby().used()).isFalse();
            assertThat(adopted.standby().reason()).contains("the standby allowed connections: " + standby);
            assertThat(adopted.detail()).isNull();
            assertThat(databases(db)).contains(standby).doesNotContain(DatabaseNames.shadow(db.name(), RUN));
        }
    }

    @Test
    void anUnreadableMarkerLeavesTheRestoreToTheRunAndSaysWhy(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            standbys.prepare(set, f.env, Progress.NONE);
            f.write(".rewind/standby/production.json", "{ torn");

            List<Prepared> adopted = standbys.adopt(set, f.env, List.of("db", "uploads"), RUN);

            assertThat(adopted).allSatisfy(p -> assertThat(p.standby().reason()).contains("not readable JSON"))
                    .noneMatch(p -> p.standby().used());
            assertThat(standbys.ready("production", f.env)).isEmpty();
            standbys.prepare(set, f.env, Progress.NONE);
            assertThat(standbys.ready("production", f.env)).isPresent();
        }
    }

    @Test
    void aMalformedMarkerItemFailedThePrepareStepInsteadOfFallingBack(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            standbys.prepare(set, f.env, Progress.NONE);
            Path marker = project.resolve(".rewind/standby/production.json");
            Files.writeString(marker, Files.readString(marker).replaceFirst("\"next_xid\"\\s*:\\s*\\d+", "\"next_xid\": null"));

            List<Prepared> adopted = standbys.adopt(set, f.env, List.of("db", "uploads"), RUN);

            assertThat(adopted.get(0).standby().used()).isFalse();
            assertThat(adopted.get(0).standby().reason()).contains("could not be re-checked",
                    "NullPointerException", "kept as " + DatabaseNames.kept(db.name(), RUN + "_standby"));
            assertThat(adopted.get(1).standby().used()).as(adopted.get(1).standby().reason()).isTrue();
        }
    }

    @Test
    void pruneRemovesTheStandbyOfASetThatIsGone(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 1)) {
            Standbys standbys = standbys(f);
            BackupSet gone = f.take().set();
            standbys.prepare(gone, f.env, Progress.NONE);
            f.take();

            PruneResult listed = f.backups.prune("production", f.env, Duration.ofDays(7), false);

            assertThat(listed.candidates()).extracting(PruneResult.Candidate::kind, PruneResult.Candidate::name)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("standby_database", DatabaseNames.standby(db.name(), gone.id())),
                            org.assertj.core.groups.Tuple.tuple("standby_directory", standbyDir(gone).toString()));

            f.backups.prune("production", f.env, Duration.ofDays(7), true);

            assertThat(databases(db)).noneMatch(DatabaseNames::isStandby);
            assertThat(standbyDir(gone)).doesNotExist();
            assertThat(project.resolve(".rewind/standby/production.json")).doesNotExist();
        }
    }

    @Test
    void pruneMissedAStandbyHalfMadeByAKilledPreparation(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            BackupSet set = f.take().set();
            String standby = DatabaseNames.standby(db.name(), set.id());
            db.execute("CREATE DATABASE \"" + standby + "\"");
            database(db, standby).execute("CREATE TABLE customers(id bigint); INSERT INTO customers SELECT 1");
            f.write("uploads.rewind-standby-" + set.id() + "/a.txt", "alp");
            try (Connection restoring = database(db, standby).connect()) { // as a pg_restore its JVM's kill -9 left

                PruneResult listed = f.backups.prune("production", f.env, Duration.ofDays(7), false);
                f.backups.prune("production", f.env, Duration.ofDays(7), true);

                assertThat(listed.candidates()).extracting(PruneResult.Candidate::kind, PruneResult.Candidate::name)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("standby_database", standby),
                                org.assertj.core.groups.Tuple.tuple("standby_directory", standbyDir(set).toString()));
                assertThat(databases(db)).noneMatch(DatabaseNames::isStandby);
                assertThat(standbyDir(set)).doesNotExist();
                assertThat(restoring.isValid(2)).as("its session was ended").isFalse();
            }
        }
    }

    @Test
    void pruneKeepsAReadyStandbyOfASetThatStays(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            BackupSet set = f.take().set();
            standbys(f).prepare(set, f.env, Progress.NONE);

            assertThat(f.backups.prune("production", f.env, Duration.ZERO, false).candidates())
                    .extracting(PruneResult.Candidate::kind).doesNotContain("standby_database", "standby_directory");
        }
    }

    @Test
    void theClaimFailedWhileASessionWasLeftOnTheStandby(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            Standbys standbys = standbys(f);
            BackupSet set = f.take().set();
            standbys.prepare(set, f.env, Progress.NONE);
            String standby = DatabaseNames.standby(db.name(), set.id());
            allowConnections(db, standby, true);
            try (Connection session = database(db, standby).connect()) {
                allowConnections(db, standby, false);

                Prepared adopted = standbys.adopt(set, f.env, List.of("db"), RUN).getFirst();

                assertThat(adopted.standby().used()).as(adopted.standby().reason()).isTrue();
                assertThat(session.isValid(2)).as("the session was ended").isFalse();
            }
        }
    }

    @Test
    void twoPreparationsOfOneEnvironmentDroppedEachOthersWork(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            BackupSet set = f.take().set();
            StandbyTask first = StandbyTask.start(slowStandbys(f), set, f.env);
            String standby = DatabaseNames.standby(db.name(), set.id());
            awaitDatabase(db, standby);

            assertThatThrownBy(() -> standbys(f).prepare(set, f.env, Progress.NONE))
                    .isInstanceOfSatisfying(RewindException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCKED))
                    .hasMessageContaining("the standby of production is locked by another Rewind process"
                            + " (preparing the standby of " + set.id() + ", pid " + ProcessHandle.current().pid());
            assertThatThrownBy(() -> standbys(f).requireFree("production")).isInstanceOf(RewindException.class);
            assertThat(f.backups.prune("production", f.env, Duration.ZERO, true).candidates())
                    .extracting(PruneResult.Candidate::kind).doesNotContain("standby_database", "standby_directory");
            assertThat(databases(db)).contains(standby);

            assertThat(first.stop()).isFalse();
            assertThat(standbys(f).prepare(set, f.env, Progress.NONE).setId()).isEqualTo(set.id());
        }
    }

    @Test
    void aNewerPreparationInTheSameProcessGotNoStandbyWhileAnOlderOneFinished(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            BackupSet older = f.take().set();
            StandbyTask first = StandbyTask.start(slowStandbys(f), older, f.env);
            awaitDatabase(db, DatabaseNames.standby(db.name(), older.id()));
            BackupSet newer = f.take().set();

            StandbyTask second = StandbyTask.start(standbys(f), newer, f.env);

            assertThat(second.await().failure()).isNull();
            assertThat(first.await().failure()).isEqualTo("replaced by the standby of " + newer.id()
                    + ", prepared in this process");
            assertThat(slowRestores()).as("the older pg_restore was killed").isEmpty();
            assertThat(standbys(f).ready("production", f.env)).map(StandbyMarker::setId).contains(newer.id());
            assertThat(databases(db)).filteredOn(DatabaseNames::isStandby)
                    .containsExactly(DatabaseNames.standby(db.name(), newer.id()));
        }
    }

    @Test
    void aRollbackWaitedForAHungStandbyForever(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            BackupSet set = f.take().set();
            StandbyTask preparing = StandbyTask.start(slowStandbys(f), set, f.env);
            awaitDatabase(db, DatabaseNames.standby(db.name(), set.id()));

            StandbyTask.Wait waited = preparing.await(Duration.ofSeconds(1));

            assertThat(waited.failure()).isEqualTo("not ready after 1 s, so it was stopped and its half-made copies"
                    + " removed");
            assertThat(waited.waited()).isLessThan(Duration.ofSeconds(SLOW_RESTORE / 2));
            assertThat(slowRestores()).as("its pg_restore was killed").isEmpty();
            assertThat(databases(db)).noneMatch(DatabaseNames::isStandby);
            assertThat(standbyDir(set)).doesNotExist();
            assertThat(standbys(f).ready("production", f.env)).isEmpty();
        }
    }

    @Test
    void aWaitForAStandbyInterruptedLeftItsPreparationRunning(PostgresDatabase db) throws Exception {
        try (var f = new BackupFixture(project, db, "dump", 5)) {
            BackupSet set = f.take().set();
            StandbyTask preparing = StandbyTask.start(slowStandbys(f), set, f.env);
            awaitDatabase(db, DatabaseNames.standby(db.name(), set.id()));
            CompletableFuture<StandbyTask.Wait> waited = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> waited.complete(preparing.await()));
            Thread.sleep(200);

            waiter.interrupt(); // as a stopping server interrupts a deploy that only finishes its standby

            assertThat(waited.get(90, TimeUnit.SECONDS).failure()).isEqualTo("stopped: the wait for it was interrupted"
                    + " (the process is stopping), and its half-made copies removed");
            assertThat(preparing.done()).isTrue();
            assertThat(slowRestores()).as("its pg_restore was killed").isEmpty();
            assertThat(databases(db)).noneMatch(DatabaseNames::isStandby);
            assertThat(standbyDir(set)).doesNotExist();
        }
    }

    /** Seconds the pg_restore of {@link #slowStandbys} sleeps before it restores. */
    private static final int SLOW_RESTORE = 297;

    /** Standbys whose pg_restore waits {@link #SLOW_RESTORE} s, then runs the machine's pg_restore. */
    private Standbys slowStandbys(BackupFixture f) throws Exception {
        Path tools = Files.createDirectories(project.resolve("slow-tools"));
        Path script = tools.resolve("pg_restore");
        Files.writeString(script, """
                #!/bin/sh
                [ "$1" = "--version" ] || %s
                exec %s "$@"
                """.formatted(slowSleep(), PgTools.find(15).pgRestore()));
        assertThat(script.toFile().setExecutable(true)).isTrue();
        Backups.Options options = f.options();
        return new Standbys(f.backups, project, new Backups.Options(options.terminateConnections(), options.jobs(),
                tools + File.pathSeparator + options.toolPath()), Clock.systemUTC());
    }

    /** The slow pg_restores of this test still running (its sleep's command line is the test's own). */
    private List<String> slowRestores() {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(project.toString()) || line.endsWith(slowSleep())).toList();
    }

    /** The sleep of this test's slow pg_restore: {@code sleep 297.NNNNNN}, unique to the test's directory. */
    private String slowSleep() {
        return "sleep %d.%06d".formatted(SLOW_RESTORE, Math.floorMod(project.toAbsolutePath().hashCode(), 1_000_000));
    }

    private static void awaitDatabase(PostgresDatabase db, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!databases(db).contains(name)) {
            assertThat(System.nanoTime()).as("waiting for " + name).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Standbys standbys(BackupFixture f) {
        return new Standbys(f.backups, project, f.options(), Clock.systemUTC());
    }

    private Path standbyDir(BackupSet set) {
        return project.resolve("uploads.rewind-standby-" + set.id()).toAbsolutePath().normalize();
    }

    private static void allowConnections(PostgresDatabase db, String name, boolean allow) {
        db.execute("ALTER DATABASE \"" + name + "\" WITH ALLOW_CONNECTIONS " + allow);
    }

    private static PostgresDatabase database(PostgresDatabase db, String name) {
        return new PostgresDatabase(db.host(), db.port(), name, db.user());
    }

    /** The databases Rewind made beside the test's database. */
    private static List<String> databases(PostgresDatabase db) {
        try (var connection = db.connect(); var rows = connection.createStatement().executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '" + db.name() + "\\_\\_rewind\\_%'")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
