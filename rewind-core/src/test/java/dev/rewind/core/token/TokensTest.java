package dev.rewind.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.ApiToken;
import dev.rewind.core.store.Role;
import dev.rewind.core.store.StateStore;
import dev.rewind.testkit.TestClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    @TempDir
    Path dir;

    private StateStore store;
    private Tokens tokens;

    @BeforeEach
    void open() {
        store = StateStore.open("state.db", dir);
        tokens = new Tokens(store, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCreatedTokenAuthenticatesUntilRevokedAndOnlyItsHashIsStored() throws Exception {
        CreatedToken created = tokens.create("alice", Role.OPERATOR, "ana");

        assertThat(created.token()).startsWith("rwd_").hasSize(4 + 43);
        assertThat(tokens.authenticate(created.token())).get().extracting(ApiToken::name, ApiToken::role)
                .containsExactly("alice", Role.OPERATOR);
        assertThat(store.tokens().getFirst().lastUsedAt()).isNotNull();
        assertThat(store.tokens().getFirst().sha256()).hasSize(64).isNotEqualTo(created.token());
        assertThat(Files.readAllBytes(dir.resolve("state.db"))).asString().doesNotContain(created.token());
        assertThat(tokens.authenticate(created.token() + "x")).isEmpty();

        tokens.revoke("alice", "ana");

        assertThat(tokens.authenticate(created.token())).isEmpty();
        assertThat(store.events(null, 10)).extracting(e -> e.action() + " " + e.subject() + " by " + e.actor())
                .containsExactly("token.revoked alice by ana", "token.created alice by ana");
    }

    @Test
    void twoTokensGetDifferentSecrets() {
        assertThat(tokens.create("a", Role.VIEWER, "ana").token()).isNotEqualTo(tokens.create("b", Role.VIEWER, "ana").token());
    }

    @Test
    void aNameInUseOrMalformedOrUnknownIsAUsageError() {
        tokens.create("alice", Role.VIEWER, "ana");

        assertUsage(() -> tokens.create("alice", Role.ADMIN, "ana"), "a token named alice exists already");
        assertUsage(() -> tokens.create("al ice", Role.ADMIN, "ana"), "token name 'al ice' is not allowed");
        assertUsage(() -> tokens.revoke("bob", "ana"), "no token named 'bob' to revoke", "rewind token list");
    }

    @Test
    void aUseIsRecordedOnlyWhenTheRecordedOneIsAMinuteOld() {
        TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
        Tokens timed = new Tokens(store, clock);
        String secret = timed.create("alice", Role.VIEWER, "ana").token();

        timed.authenticate(secret);
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(59));
        timed.authenticate(secret);

        assertThat(store.tokens().getFirst().lastUsedAt()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        timed.authenticate(secret);

        assertThat(store.tokens().getFirst().lastUsedAt()).isEqualTo(first.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aUseThatCannotBeRecordedStillAuthenticates() throws Exception {
        String secret = tokens.create("alice", Role.VIEWER, "ana").token();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
             Statement statement = db.createStatement()) {
            statement.execute("CREATE TRIGGER refuse_use BEFORE UPDATE OF last_used_at ON tokens"
                    + " BEGIN SELECT RAISE(ABORT, 'the store refuses writes'); END");
        }

        assertThat(tokens.authenticate(secret)).get().extracting(ApiToken::name).isEqualTo("alice");
        assertThat(store.tokens().getFirst().lastUsedAt()).isNull();
    }

    /** Two {@code token create} at once: the one that loses the race is told the name is taken, not a STORE error. */
    @Test
    void aNameTakenBetweenTheCheckAndTheInsertIsAUsageError() {
        ApiToken rival = new ApiToken("alice", Role.ADMIN, "0".repeat(64), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "bob", null, null);
        Tokens racing = new Tokens(insertingFirst(rival), Clock.systemUTC());

        assertUsage(() -> racing.create("alice", Role.VIEWER, "ana"), "a token named alice exists already");
        assertThat(store.tokens()).extracting(ApiToken::createdBy).containsExactly("bob");
    }

    /** The store, where another process records {@code rival} just before each token this one records. */
    private StateStore insertingFirst(ApiToken rival) {
        return (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(), new Class<?>[] {StateStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("insertToken")) {
                        store.insertToken(rival);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void theJsonOfATokenNeverShowsItsHash() {
        tokens.create("alice", Role.VIEWER, "ana");

        assertThat(Json.readTree(Json.write(tokens.list())).get("tokens").get(0).fieldNames())
                .toIterable().containsExactly("name", "role", "created_at", "created_by", "revoked_at", "last_used_at");
    }

    private static void assertUsage(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String... parts) {
        assertThatThrownBy(call).isInstanceOf(RewindException.class).hasMessageContainingAll(parts)
                .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.USAGE));
    }
}
