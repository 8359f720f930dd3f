package dev.rewind.server.internal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become responses, as {@link ApiError}: HTTP errors keep their status, Rewind's error
 * codes map to statuses here (an operation the environment's state does not allow, such as a rollback with no
 * release to go back to or while another run holds the lock, is a 409). A failure of the state store or of the
 * configuration is the server's, not the caller's: it is logged in full and answered with a generic message, as is
 * anything else (a bug), so that no path, URL or SQL reaches a client.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    public static void register(Javalin app) {
        app.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(),
                HttpStatus.forStatus(e.getStatus()).name().toLowerCase(Locale.ROOT), e.getMessage()));
        app.exception(RewindException.class, (e, ctx) -> {
            int status = status(e.code());
            String error = e.code().name().toLowerCase(Locale.ROOT);
            switch (e.code()) {
                case STORE -> hidden(ctx, e, status, error, "the state store is unavailable; see the server log");
                case CONFIG -> hidden(ctx, e, status, error, "the server's configuration is invalid; see the server log");
                default -> answer(ctx, status, error, e.getMessage());
            }
        });
        app.exception(Exception.class, (e, ctx) -> hidden(ctx, e, 500, "internal_error", "internal error"));
    }

    private static int status(ErrorCode code) {
        return switch (code) {
            case USAGE -> 400;
            case LOCKED, FAILED, NEEDS_HUMAN, ROLLBACK_NEEDED -> 409;
            case CONFIG -> 500;
            case STORE -> 503;
        };
    }

    private static void hidden(Context ctx, Exception e, int status, String error, String message) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        answer(ctx, status, error, message);
    }

    private static void answer(Context ctx, int status, String error, String message) {
        ctx.status(status).json(new ApiError(error, message));
    }
}
