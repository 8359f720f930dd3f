package dev.rewind.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite, plus what only a file can do wrong. */
class SqliteStateStoreTest extends StateStoreContract {

    @TempDir
    Path projectDir;

    private Path file() {
        return projectDir.resolve(".rewind/state.db");
    }

    @Override
    protected StateStore openStore() {
        return StateStore.open(".rewind/state.db", projectDir);
    }

    @Override
    protected void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    protected Object queryValue(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void aRelativePathResolvesAgainstTheProjectAndItsDirectoriesAreCreated() {
        try (StateStore store = StateStore.open("state/nested/rewind.db", projectDir)) {
            Path expected = projectDir.resolve("state/nested/rewind.db").toAbsolutePath();
            assertThat(expected).isRegularFile();
            assertThat(store.location()).isEqualTo(expected.toString());
        }
    }

    @Test
    void anAbsolutePathIsUsedAsIs(@TempDir Path elsewhere) {
        Path file = elsewhere.resolve("abs.db");
        try (StateStore store = StateStore.open(file.toString(), projectDir)) {
            assertThat(store.location()).isEqualTo(file.toString());
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void theFileIsInWalMode() {
        store();
        assertThat(queryValue("PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void anUnwritableLocationIsAStoreErrorNamingIt() throws IOException {
        Files.writeString(projectDir.resolve("blocker"), "a file where a directory should be");
        Path location = projectDir.resolve("blocker/state.db");
        assertStoreError(() -> StateStore.open("blocker/state.db", projectDir),
                location.toString(), "directory", "writable");
    }

    @Test
    void aFileThatIsNotADatabaseIsAStoreErrorNamingIt() throws IOException {
        Path junk = projectDir.resolve("junk.db");
        Files.writeString(junk, "this is not a SQLite database, it is just text. ".repeat(100));
        assertStoreError(() -> StateStore.open("junk.db", projectDir), junk.toString());
    }

    @Test
    void concurrentWritersOnOneFileDoNotFailWithBusy() throws Exception {
        int threads = 8;
        int writesPerThread = 15;
        try (StateStore first = openStore(); StateStore second = openStore()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    StateStore store = t % 2 == 0 ? first : second;
                    String environment = "env" + (t % 3);
                    done.add(pool.submit(() -> write(store, environment, writesPerThread)));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(first.events(null, 10_000)).hasSize(threads * writesPerThread);
            assertThat(second.runsInFlight()).hasSize(threads * writesPerThread);
            for (String environment : List.of("env0", "env1", "env2")) {
                assertThat(first.releases(environment)).filteredOn(r -> r.status() == ReleaseStatus.LIVE)
                        .hasSize(1);
            }
        }
    }

    private static void write(StateStore store, String environment, int count) {
        for (int i = 0; i < count; i++) {
            Instant now = Instant.now();
            store.appendEvent(StoreFixtures.event(environment, now, "test.write", null));
            Release release = StoreFixtures.release(environment, now, ReleaseStatus.DEPLOYING);
            store.insertRelease(release);
            store.updateReleaseStatus(release.id(), ReleaseStatus.LIVE);
            Run run = StoreFixtures.run(environment, now, RunStatus.RUNNING);
            store.insertRun(run);
            store.upsertStep(StoreFixtures.step(run.id(), 1, StepStatus.RUNNING));
            store.upsertStep(StoreFixtures.step(run.id(), 1, StepStatus.DONE));
        }
    }
}
