package dev.rewind.core.report;

import dev.rewind.core.verify.VerifyCheck;
import java.util.List;

/**
 * The rollback's verify step.
 *
 * @param status the step's status: {@code done}, {@code failed}, {@code running}, …
 * @param checks every check it ran, in order; empty when the step failed (its error lists the failed checks)
 * @param error  why it failed, or null
 */
public record Verification(String status, List<VerifyCheck> checks, String error) {

    public Verification {
        checks = List.copyOf(checks);
    }
}
