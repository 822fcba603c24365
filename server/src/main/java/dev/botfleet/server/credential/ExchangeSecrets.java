package dev.botfleet.server.credential;

import java.util.UUID;

/** Decrypted key material for an exchange adapter. Lives only in memory; {@link #toString()} hides it. */
public record ExchangeSecrets(UUID credentialId, String exchange, String apiKey, String apiSecret, String passphrase) {
    @Override
    public String toString() {
        return "ExchangeSecrets[credentialId=" + credentialId + ", exchange=" + exchange + ", secrets=***]";
    }
}
