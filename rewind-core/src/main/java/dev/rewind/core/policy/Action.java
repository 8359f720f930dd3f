package dev.rewind.core.policy;

/** What a policy rule asks for, strongest first; the strongest matching rule wins. */
public enum Action {
    ROLLBACK_NOW,
    ROLLBACK,
    INVESTIGATE,
    MONITOR,
    CONTINUE;

    /** True when this action is stronger than {@code other}. */
    public boolean strongerThan(Action other) {
        return ordinal() < other.ordinal();
    }
}
