package dev.botfleet.server.wallet;

/**
 * POST /api/v1/wallet-keys: either {@code privateKey} (64 hex digits, 0x optional) or {@code signerUrl} with the
 * wallet's {@code address}. {@link #toString()} hides the key: a request must never print it into a log line.
 */
public record WalletKeyRequest(String label, String privateKey, String signerUrl, String address) {
    @Override
    public String toString() {
        return "WalletKeyRequest[label=" + label + ", privateKey=" + (privateKey == null ? "none" : "***")
                + ", signerUrl=" + signerUrl + ", address=" + address + "]";
    }
}
