package dev.rewind.server.internal;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.ApiToken;
import dev.rewind.core.store.Role;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets through only requests with {@code Authorization: Bearer <token>} of a token not revoked, and remembers the
 * {@link Caller} for the handlers; an address sending bad tokens is throttled ({@link LoginThrottle}).
 */
final class Authenticator implements Handler {

    private static final String CALLER = "rewind.caller";
    private static final String BEARER = "Bearer ";

    private final Rewind rewind;
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());

    Authenticator(Rewind rewind) {
        this.rewind = rewind;
    }

    @Override
    public void handle(Context ctx) {
        String address = ctx.ip();
        Optional<Duration> wait = throttle.retryAfter(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            throw new TooManyRequestsResponse("too many bad tokens from " + address + "; try again in " + seconds + " s");
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("send the header Authorization: Bearer <token>; an operator creates"
                    + " tokens with `rewind token create NAME --role viewer|operator|admin`");
        }
        Optional<ApiToken> token = rewind.tokens().authenticate(header.substring(BEARER.length()).strip());
        if (token.isEmpty()) {
            throttle.failed(address);
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new UnauthorizedResponse("the token is unknown or revoked");
        }
        ctx.attribute(CALLER, new Caller(token.get().name(), token.get().role()));
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
