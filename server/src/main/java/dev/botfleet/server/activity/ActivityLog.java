package dev.botfleet.server.activity;

import java.time.Instant;
import java.util.UUID;

/** One line of the fleet's story. {@code botId} is null for entries about no bot (or about a deleted one). */
public record ActivityLog(UUID id, UUID ownerId, UUID botId, LogLevel level, String message, Instant createdAt) {
}
