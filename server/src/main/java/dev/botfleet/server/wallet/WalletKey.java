package dev.botfleet.server.wallet;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored wallet, without its secret.
 *
 * @param address   the wallet's address in EIP-55 checksum form (derived from the key, or given with a signer URL)
 * @param signerUrl the external signer's URL for {@link Kind#EXTERNAL_SIGNER}, null for a stored key
 */
public record WalletKey(UUID id, UUID ownerId, String label, Kind kind, String address, String signerUrl,
                        Instant createdAt) {
    public enum Kind {
        /** The private key is in the vault, encrypted. */
        PRIVATE_KEY,
        /** A signer elsewhere (e.g. web3signer, Clef) holds the key; botfleet sends it transactions to sign. */
        EXTERNAL_SIGNER
    }
}
