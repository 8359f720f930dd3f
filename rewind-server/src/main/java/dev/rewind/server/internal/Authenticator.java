package dev.rewind.server.internal;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.ApiToken;
import dev.rewind.core.store.Role;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets through only requests with {@code Authorization: Bearer <token>} of a token not revoked, and remembers the
 * {@link Caller} for the handlers. The token is checked first: a good one always passes, so that bad tokens from
 * anyone (behind a proxy, every client has its address) never lock an operator out; bad ones from an address that
 * sent too many are answered 429 ({@link LoginThrottle}).
 */
final class Authenticator implements Handler {

    private static final String CALLER = "rewind.caller";
    private static final String BEARER = "Bearer ";

    private final Rewind rewind;
    private final LoginThrottle throttle;

    Authenticator(Rewind rewind, Clock clock) {
        this.rewind = rewind;
        this.throttle = new LoginThrottle(clock);
    }

    @Override
    public void handle(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("send the header Authorization: Bearer <token>; an operator creates"
                    + " tokens with `rewind token create NAME --role viewer|operator|admin`");
        }
        Optional<ApiToken> token = rewind.tokens().authenticate(header.substring(BEARER.length()).strip());
        if (token.isEmpty()) {
            throw refusal(ctx);
        }
        ctx.attribute(CALLER, new Caller(token.get().name(), token.get().role()));
    }

    /** The answer to a bad token: 429 while its address is throttled, else 401 (and the token is counted). */
    private HttpResponseException refusal(Context ctx) {
        String address = ctx.ip();
        Optional<Duration> wait = throttle.retryAfter(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            return new TooManyRequestsResponse("too many bad tokens from " + address + "; try again in " + seconds + " s");
        }
        throttle.failed(address);
        ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return new UnauthorizedResponse("the token is unknown or revoked");
    }

    /** The caller the request authenticated as. */
    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    /** The caller, if its role covers {@code needed}; a 403 otherwise. */
    static Caller require(Context ctx, Role needed) {
        Caller caller = caller(ctx);
        if (!caller.role().covers(needed)) {
            throw new ForbiddenResponse("token " + caller.name() + " has the role " + caller.role() + "; this needs "
                    + needed + " or above");
        }
        return caller;
    }
}
