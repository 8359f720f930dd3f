package dev.rewind.core.policy;

/** What a decision concludes: a rule's action, or INSUFFICIENT_DATA when the signals cannot support a verdict. */
public enum Verdict {
    ROLLBACK_NOW,
    ROLLBACK,
    INVESTIGATE,
    MONITOR,
    CONTINUE,
    INSUFFICIENT_DATA;

    public static Verdict of(Action action) {
        return valueOf(action.name());
    }

    /** DESIGN.md: 0 CONTINUE/MONITOR, 3 ROLLBACK*, 4 INVESTIGATE/INSUFFICIENT_DATA. */
    public int exitCode() {
        return switch (this) {
            case CONTINUE, MONITOR -> 0;
            case ROLLBACK_NOW, ROLLBACK -> 3;
            case INVESTIGATE, INSUFFICIENT_DATA -> 4;
        };
    }

    public boolean isRollback() {
        return this == ROLLBACK_NOW || this == ROLLBACK;
    }
}
