package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.Venue;
import dev.botfleet.fakes.FakeVenue;

import java.util.Set;

/**
 * What the conformance suite needs from one venue: its fake (started with {@code StandardSetup}'s markets and account)
 * and the adapter configured against it. One implementation per venue.
 */
public interface VenueFixture {
    /** Optional abilities a venue may lack; the suite checks that the adapter refuses them clearly. */
    enum Ability { IOC, POST_ONLY, TESTNET }

    String venue();

    /** Starts the fake on loopback ports, with the standard markets listed and the standard account opened. */
    FakeVenue startFake();

    /** The adapter factory pointed at the fake (live and testnet endpoints both at the fake), short timeouts. */
    Venue venue(FakeVenue fake);

    Set<Ability> abilities();

    /** The venue's name of BTC/USDT, e.g. "BTCUSDT" (of the market the suite trades: see {@link #symbol()}). */
    String btcUsdt();

    /** Our symbol of the market the suite trades: BTC/USDT on spot venues, e.g. BTC/USD for a perpetual. */
    default String symbol() { return "BTC/USDT"; }

    /** The asset orders are paid in and balances move in: the quote asset, or a perpetual's settle asset. */
    default String quoteAsset() { return "USDT"; }

    /** What C01, C03 and C20 expect of the traded market as the fake lists it. */
    default Listing listing() { return Listing.STANDARD_SPOT; }

    /**
     * @param otherSymbol the second market's symbol and {@code otherLot} its lot size
     * @param makerBuyFee the fee of a maker buy of 0.001 at 49,900, in {@code makerBuyFeeAsset}
     * @param smallQuantity the smallest order C20 bursts with
     */
    record Listing(String tick, String lot, String minQuantity, String minNotional, String otherSymbol,
                   String otherLot, String makerBuyFee, String makerBuyFeeAsset, String smallQuantity) {
        /** StandardSetup's spot BTC/USDT and ETH/USDT with 0.1 % fees charged in the asset received. */
        public static final Listing STANDARD_SPOT = new Listing("0.01", "0.00001", "0.00001", "5", "ETH/USDT", "0.0001",
                "0.000001", "BTC", "0.0002");
    }
}
