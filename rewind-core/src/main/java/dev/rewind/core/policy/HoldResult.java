package dev.rewind.core.policy;

import dev.rewind.core.store.Hold;
import java.util.List;

/**
 * {@code rewind hold ENV}: the hold placed or released, and the holds active afterwards.
 *
 * @param changed the hold placed, or the holds released
 */
public record HoldResult(String environment, boolean released, List<Hold> changed, List<Hold> active) {}
