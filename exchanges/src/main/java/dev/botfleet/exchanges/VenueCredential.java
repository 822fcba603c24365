package dev.botfleet.exchanges;

/**
 * A user's key for one venue, decrypted, in memory only. {@link #toString()} hides the secrets so that no log line can
 * carry them.
 *
 * @param testnet true to use the venue's testnet endpoints with this key
 */
public record VenueCredential(String apiKey, String apiSecret, boolean testnet) {
    @Override
    public String toString() {
        return "VenueCredential[apiKey=***, apiSecret=***, testnet=" + testnet + "]";
    }
}
