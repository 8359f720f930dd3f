package dev.rewind.sampleapp;

/** Answers one kind of request. Throws {@link HttpError} for a client's mistake; anything else is a 500. */
@FunctionalInterface
public interface Handler {

    Response handle(Request request) throws Exception;
}
