package dev.rewind.sampleapp;

/** Thrown by a handler to answer with an error status, e.g. 400 for bad JSON or 404 for a missing item. */
public final class HttpError extends RuntimeException {

    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public HttpError(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public Response response() {
        return Response.error(status, getMessage());
    }
}
