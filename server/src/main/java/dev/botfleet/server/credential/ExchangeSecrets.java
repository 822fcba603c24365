package dev.botfleet.server.credential;

import dev.botfleet.exchanges.VenueCredential;

import java.util.UUID;

/** Decrypted key material for an exchange adapter. Lives only in memory; {@link #toString()} hides it. */
public record ExchangeSecrets(UUID credentialId, String exchange, String apiKey, String apiSecret, String passphrase,
                              boolean testnet) {

    public VenueCredential toVenueCredential() { return new VenueCredential(apiKey, apiSecret, testnet); }

    @Override
    public String toString() {
        return "ExchangeSecrets[credentialId=" + credentialId + ", exchange=" + exchange + ", testnet=" + testnet
                + ", secrets=***]";
    }
}
