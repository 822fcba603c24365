package dev.botfleet.server.wallet;

import org.web3j.crypto.Credentials;

import java.net.URI;

/** How a DEX bot signs with a stored wallet: with the decrypted key here, or by asking the external signer. */
public sealed interface WalletSigner {
    String address();

    /** Holds the decrypted key: keep it on the stack of the code that signs, never in a log line or a field dump. */
    record LocalKey(Credentials credentials) implements WalletSigner {
        @Override
        public String address() {
            return org.web3j.crypto.Keys.toChecksumAddress(credentials.getAddress());
        }

        @Override
        public String toString() {
            return "LocalKey[address=" + address() + ", key=***]";
        }
    }

    record External(URI signerUrl, String address) implements WalletSigner {
    }
}
