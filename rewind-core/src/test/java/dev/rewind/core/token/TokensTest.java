package dev.rewind.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.ApiToken;
import dev.rewind.core.store.Role;
import dev.rewind.core.store.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
