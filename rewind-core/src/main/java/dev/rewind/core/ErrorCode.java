package dev.rewind.core;

/**
 * Why an operation failed; each code owns the process exit code of DESIGN.md.
 * 0 ok, 1 failed, 2 usage or config error, 3 rollback needed, 4 needs a human, 5 locked by another run.
 */
public enum ErrorCode {
    /** An operation was attempted and did not succeed (a probe, a restore, a command). */
    FAILED(1),
    /** The command line was wrong: unknown option, missing argument, unknown environment. */
    USAGE(2),
    /** rewind.yaml is missing, unreadable or invalid. */
    CONFIG(2),
    /** The state store cannot be opened or is inconsistent. */
    STORE(1),
    /** The decision is a rollback. */
    ROLLBACK_NEEDED(3),
    /** The tool cannot decide or act safely without an operator. */
    NEEDS_HUMAN(4),
    /** Another run holds the environment lock. */
    LOCKED(5);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
