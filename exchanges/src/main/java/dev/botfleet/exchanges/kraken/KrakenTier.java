package dev.botfleet.exchanges.kraken;

/**
 * A Kraken verification tier's limits. Kraken publishes them (https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits,
 * .../spot-ratelimits) but tells no key its tier over the API and sends no rate-limit headers, so the operator
 * configures it and the client mirrors the counters itself.
 *
 * @param callMax             REST call counter maximum per key
 * @param callDecayPerSecond  how fast it decays
 * @param tradeThreshold      per-pair trading counter threshold (AddOrder +1, cancels +8..+1 by order age)
 * @param tradeDecayPerSecond how fast that decays
 */
public record KrakenTier(double callMax, double callDecayPerSecond, double tradeThreshold, double tradeDecayPerSecond) {
    public static final KrakenTier STARTER = new KrakenTier(15, 0.33, 60, 1);
    public static final KrakenTier INTERMEDIATE = new KrakenTier(20, 0.5, 125, 2.34);
    public static final KrakenTier PRO = new KrakenTier(20, 1, 180, 3.75);
}
