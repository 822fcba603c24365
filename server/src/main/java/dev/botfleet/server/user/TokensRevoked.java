package dev.botfleet.server.user;

import java.util.UUID;

/** Every token of this account stopped being valid (password changed, signed out everywhere, account deleted). */
public record TokensRevoked(UUID userId, String reason) {
}
