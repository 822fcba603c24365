package dev.botfleet.server.credential;

import java.time.Instant;
import java.util.UUID;

/** A stored exchange API key as the API shows it: no secret, only the key's last characters. */
/**
 * @param canTrade    what the venue said when the key was verified; null for {@code sim} (nothing to verify)
 * @param canWithdraw ditto; true earns the key a warning: botfleet never needs withdrawals
 * @param verifiedAt  when the venue last confirmed the key, null if never
 */
public record Credential(UUID id, UUID ownerId, String exchange, String label, String apiKeyLast4, Instant createdAt,
                         boolean testnet, Boolean canTrade, Boolean canWithdraw, Instant verifiedAt) {

    public Credential(UUID id, UUID ownerId, String exchange, String label, String apiKeyLast4, Instant createdAt) {
        this(id, ownerId, exchange, label, apiKeyLast4, createdAt, false, null, null, null);
    }
}
