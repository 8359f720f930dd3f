package dev.rewind.sampleapp;

/** A bad command line: the message names the flag and the form it expects. The app exits 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
