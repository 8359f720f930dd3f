package dev.rewind.server.internal;

import dev.rewind.core.store.Role;

/**
 * Who sends a request: the token it authenticated with ({@code GET /api/whoami}).
 *
 * @param name the token's name
 * @param role what it may do
 */
record Caller(String name, Role role) {

    /** The actor of the audit trail: {@code token:<name>}. */
    String actor() {
        return "token:" + name;
    }
}
