package dev.botfleet.server.credential;

/** {@link #toString()} hides the secrets: a request object must never print them into a log line. */
public record CredentialRequest(String exchange, String label, String apiKey, String apiSecret, String passphrase) {
    @Override
    public String toString() {
        return "CredentialRequest[exchange=" + exchange + ", label=" + label + ", apiKey=***, apiSecret=***, passphrase="
                + (passphrase == null ? "none" : "***") + "]";
    }
}
