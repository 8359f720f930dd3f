package dev.rewind.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on a real PostgreSQL 15, plus the URL forms and an unreachable server. */
@ExtendWith(PostgresExtension.class)
class PostgresStateStoreTest extends StateStoreContract {

    private static final Path PROJECT = Path.of(".");

    private PostgresDatabase db;

    @BeforeEach
    void database(PostgresDatabase database) {
        this.db = database;
    }

    @Override
    protected StateStore openStore() {
        return StateStore.open(db.url(), PROJECT);
    }

    @Override
    protected void execute(String sql) {
        db.execute(sql);
    }

    @Override
    protected Object queryValue(String sql) {
        return db.queryValue(sql);
    }

    @Test
    void aJdbcUrlOpensTheSameStore() {
        Release release = StoreFixtures.release("prod", StoreFixtures.T0, ReleaseStatus.LIVE);
        store().insertRelease(release);
        try (StateStore viaJdbc = StateStore.open(db.jdbcUrl(), PROJECT)) {
            assertThat(viaJdbc.liveRelease("prod")).contains(release);
        }
    }

    @Test
    void aPasswordAndParametersAreAcceptedAndThePasswordIsMasked() {
        String url = "postgresql://" + db.user() + ":s3cr%2Bet@" + db.host() + ":" + db.port() + "/" + db.name()
                + "?sslmode=disable&application_name=rewind-test";
        try (StateStore store = StateStore.open(url, PROJECT)) {
            assertThat(store.location()).contains(db.name(), "***").doesNotContain("s3cr");
            assertThat(store.schemaVersion()).isEqualTo("4");
        }
    }

    @Test
    void aDatabaseWithOtherTablesIsMigratedAlongsideThem() {
        db.execute("CREATE TABLE app_items (id INTEGER PRIMARY KEY)");
        try (StateStore store = openStore()) {
            assertThat(store.schemaVersion()).isEqualTo("4");
            assertThat(store.releases("prod")).isEmpty();
        }
    }

    @Test
    void anAdvisoryLockExcludesEveryOtherSessionUntilClosed() throws Exception {
        try (StateStore other = openStore()) {
            AutoCloseable held = store().tryAdvisoryLock("rewind:prod").orElseThrow();
            assertThat(other.tryAdvisoryLock("rewind:prod")).isEmpty();
            held.close();
            other.tryAdvisoryLock("rewind:prod").orElseThrow().close();
        }
    }

    @Test
    void anUnreachableServerIsAStoreErrorNamingTheLocation() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "postgresql://rewind:hunter2@localhost:" + port + "/state?sslmode=disable";
        assertStoreError(() -> StateStore.open(url, PROJECT),
                "postgresql://rewind:***@localhost:" + port + "/state", "running")
                .message().doesNotContain("hunter2");
    }
}
