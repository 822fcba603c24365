package dev.botfleet.exchanges.contract;

import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeVenue;

import java.util.List;
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

    /** The venue's name of BTC/USDT, e.g. "BTCUSDT". */
    String btcUsdt();

    /** The venue charges every fill's commission in the quote asset (Coinbase), not in the asset received. */
    default boolean feesInQuote() { return false; }

    /** The venue bans an address that breaks its limits (Binance 418, Bybit 403); else it only answers 429. */
    default boolean bansAddresses() { return true; }

    /** A clock skew the venue's timestamp check refuses (Coinbase: beyond the JWT's 120 s lifetime). */
    default long refusedClockSkewMillis() { return 20_000; }

    /**
     * The venue client ids of every order the venue accepted, in order. Venues with client order ids: what the fake
     * recorded. A venue without them (CoinDCX futures) names each accepted venue order by the client id the adapter
     * bound it to, or as unclaimed — so an order placed twice still shows twice.
     */
    default List<String> acceptedClientIds(FakeVenue fake, TradingClient client) {
        return fake.engine().acceptedClientIds();
    }

    /** The fake's record of one of our orders: by client order id, or by the venue's order id where there is none. */
    default FakeOrder findOrder(FakeVenue fake, FakeAccount account, String venueClientId, String exchangeOrderId) {
        return fake.engine().find(account, btcUsdt(), venueClientId, null);
    }

    /** The asset a fill's fee is charged in: spot venues here charge a buy in the base received, a perpetual in its settle asset. */
    default String feeAsset(OrderSide side) { return side == OrderSide.BUY && !feesInQuote() ? "BTC" : "USDT"; }

    /** True when BTC/USDT is a USDT-margined perpetual: balances move by PnL and fees in USDT, not by the base asset. */
    default boolean perpetual() { return false; }
}
