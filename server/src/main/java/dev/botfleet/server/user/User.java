package dev.botfleet.server.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A person with an account. {@code passwordHash} is a bcrypt hash; the record never leaves the server as is.
 * {@code tokenVersion} is stamped into every login token; a token of an older version is refused (revocation).
 * {@code disabledAt} is set while an administrator has disabled the account.
 */
public record User(UUID id, String email, String passwordHash, Role role, int tokenVersion, Instant createdAt,
                   Instant updatedAt, Instant disabledAt) {
    public boolean disabled() {
        return disabledAt != null;
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", role=" + role + "]";
    }
}
