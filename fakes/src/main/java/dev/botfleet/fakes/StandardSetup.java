package dev.botfleet.fakes;

/**
 * The markets and account every fake venue starts with, so one contract test can drive them all: BTC/USDT at
 * 50000.00 (tick 0.01, lot 0.00001, min notional 5) and ETH/USDT at 3000.00 (tick 0.01, lot 0.0001, min notional 5),
 * fees 0.1% maker and taker; one account funded with 10,000 USDT and 1 BTC.
 */
public final class StandardSetup {
    public static final String API_KEY = "fake-key-0123456789abcdef";
    public static final String API_SECRET = "fake-secret-fedcba9876543210fedcba9876543210";

    private StandardSetup() {
    }

    /**
     * Lists the standard markets under the venue's names for them.
     *
     * @param btcUsdt the venue's name for BTC/USDT, e.g. "BTCUSDT"
     */
    public static void listMarkets(MatchingEngine engine, String btcUsdt, String ethUsdt) {
        engine.list(new FakeMarket(btcUsdt, "BTC", "USDT", "0.01", "0.00001", "0.00001", "5", "0.001", "0.001"),
                "50000.00");
        engine.list(new FakeMarket(ethUsdt, "ETH", "USDT", "0.01", "0.0001", "0.0001", "5", "0.001", "0.001"),
                "3000.00");
    }

    /** Opens the standard account (trading allowed, withdrawals not). */
    public static FakeAccount openAccount(MatchingEngine engine) {
        return openAccount(engine, API_SECRET);
    }

    /** The standard account under a venue-specific spelling of its secret (e.g. Kraken's base64 secrets). */
    public static FakeAccount openAccount(MatchingEngine engine, String secret) {
        return engine.open(new FakeAccount(API_KEY, secret)).deposit("USDT", "10000").deposit("BTC", "1");
    }
}
