package dev.botfleet.server.credential;

/** {@link #toString()} hides the secrets: a request object must never print them into a log line. */
/** @param testnet true for a key of the venue's testnet (only venues that have one) */
public record CredentialRequest(String exchange, String label, String apiKey, String apiSecret, String passphrase,
                                Boolean testnet) {
    public CredentialRequest(String exchange, String label, String apiKey, String apiSecret, String passphrase) {
        this(exchange, label, apiKey, apiSecret, passphrase, null);
    }

    @Override
    public String toString() {
        return "CredentialRequest[exchange=" + exchange + ", label=" + label + ", apiKey=***, apiSecret=***, passphrase="
                + (passphrase == null ? "none" : "***") + ", testnet=" + testnet + "]";
    }
}
