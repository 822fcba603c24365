package dev.botfleet.server.credential;

import java.time.Instant;
import java.util.UUID;

/** A stored exchange API key as the API shows it: no secret, only the key's last characters. */
public record Credential(UUID id, UUID ownerId, String exchange, String label, String apiKeyLast4, Instant createdAt) {
}
