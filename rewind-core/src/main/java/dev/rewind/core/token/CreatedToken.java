package dev.rewind.core.token;

import dev.rewind.core.store.Role;
import java.time.Instant;

/**
 * {@code rewind token create}: the new token with its secret, which is shown this once and stored only as a hash.
 *
 * @param token the secret to send as {@code Authorization: Bearer <token>}
 */
public record CreatedToken(String name, Role role, String token, Instant createdAt, String createdBy) {}
