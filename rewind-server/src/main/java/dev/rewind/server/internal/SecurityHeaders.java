package dev.rewind.server.internal;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** Strict headers on every response: no sniffing, no framing, no referrer, only this origin's scripts; no caching of the API. */
public final class SecurityHeaders implements Handler {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " connect-src 'self'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    @Override
    public void handle(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/healthz")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
