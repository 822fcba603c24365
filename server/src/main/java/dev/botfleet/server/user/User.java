package dev.botfleet.server.user;

import java.time.Instant;
import java.util.UUID;

/** A person with an account. {@code passwordHash} is a bcrypt hash; the record never leaves the server as is. */
public record User(UUID id, String email, String passwordHash, Role role, Instant createdAt, Instant updatedAt) {
    @Override
    public String toString() {
        return "User[id=" + id + ", role=" + role + "]";
    }
}
