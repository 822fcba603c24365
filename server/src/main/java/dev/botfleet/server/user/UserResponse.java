package dev.botfleet.server.user;

import java.time.Instant;
import java.util.UUID;

public record UserResponse(UUID id, String email, Role role, Instant createdAt) {
    public static UserResponse of(User user) {
        return new UserResponse(user.id(), user.email(), user.role(), user.createdAt());
    }
}
