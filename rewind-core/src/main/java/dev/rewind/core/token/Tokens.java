package dev.rewind.core.token;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.ApiToken;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Role;
import dev.rewind.core.store.StateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's tokens: created with a secret that is shown once ({@code rwd_} and 32 random bytes, base64url) and
 * stored only as its SHA-256; listed; revoked; and looked up for each request.
 */
public final class Tokens {

    /** How old a token's recorded last use gets before a request records it again. */
    static final Duration LAST_USED_STEP = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(Tokens.class);
    private static final String PREFIX = "rwd_";
    private static final int SECRET_BYTES = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StateStore store;
    private final Clock clock;

    public Tokens(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates a token; its name must be free among the tokens not revoked. */
    public CreatedToken create(String name, Role role, String actor) {
        if (!NAME.matcher(name).matches()) {
            throw new RewindException(ErrorCode.USAGE, "token name '" + name + "' is not allowed"
                    + "\n    fix: use up to 64 letters, digits and . _ @ -, starting with a letter or digit");
        }
        if (nameInUse(name)) {
            throw nameTaken(name);
        }
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken(name, role, sha256(secret), now(), actor, null, null);
        try {
            store.insertToken(token);
        } catch (RewindException e) {
            if (nameInUse(name)) {
                throw nameTaken(name); // another process created it since the check above
            }
            throw e;
        }
        audit(actor, "token.created", name);
        return new CreatedToken(name, role, secret, token.createdAt(), actor);
    }

    public TokensResult list() {
        return new TokensResult(store.tokens());
    }

    /** Revokes the named token at once: its next request is refused. */
    public ApiToken revoke(String name, String actor) {
        ApiToken revoked = store.revokeToken(name, now()).orElseThrow(() -> new RewindException(ErrorCode.USAGE,
                "no token named '" + name + "' to revoke\n    fix: see the tokens with `rewind token list`"));
        audit(actor, "token.revoked", name);
        return revoked;
    }

    /** The token a secret belongs to, unless unknown or revoked; its use is recorded (see {@link #recordUse}). */
    public Optional<ApiToken> authenticate(String secret) {
        Optional<ApiToken> token = store.tokenBySha256(sha256(secret)).filter(t -> !t.revoked());
        token.ifPresent(this::recordUse);
        return token;
    }

    /**
     * Records the token's use when the recorded one is {@link #LAST_USED_STEP} old or older, not on every request: a
     * write waits for the store's write lock, which a run journaling its steps holds often. A write that fails is a
     * warning, never the failure of the request.
     */
    private void recordUse(ApiToken token) {
        Instant now = now();
        if (token.lastUsedAt() != null && token.lastUsedAt().plus(LAST_USED_STEP).isAfter(now)) {
            return;
        }
        try {
            store.tokenUsed(token.sha256(), now);
        } catch (RewindException e) {
            LOG.warn("could not record the use of token {}: {}", token.name(), e.getMessage());
        }
    }

    private boolean nameInUse(String name) {
        return store.tokens().stream().anyMatch(t -> t.name().equals(name) && !t.revoked());
    }

    private static RewindException nameTaken(String name) {
        return new RewindException(ErrorCode.USAGE, "a token named " + name + " exists already"
                + "\n    fix: revoke it first (`rewind token revoke " + name + "`) or choose another name");
    }

    static String sha256(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void audit(String actor, String action, String name) {
        store.appendEvent(new Event(Ids.event(), now(), actor, null, action, name, null));
    }
}
