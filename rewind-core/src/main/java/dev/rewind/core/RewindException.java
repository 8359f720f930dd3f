package dev.rewind.core;

/**
 * The one unchecked exception of Rewind. Its message says what failed, the bad value, and what fixes it;
 * its {@link ErrorCode} decides the exit code.
 */
public class RewindException extends RuntimeException {

    private final ErrorCode code;

    public RewindException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public RewindException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
