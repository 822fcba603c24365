package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake knows about orders beyond the matching engine: how each order was asked for (Bybit's market buy is
 * sized in quote coin unless {@code marketUnit=baseCoin}), and the post-only orders Bybit accepts and then cancels
 * because they would take liquidity (create order page: "If the order would be filled immediately when submitted, it
 * will be cancelled"), which the engine refuses outright and so never holds.
 */
final class OrderLedger {

    /** How an order was sent: the qty and unit as given, and the time-in-force word. */
    record AsSent(String marketUnit, BigDecimal qty, String timeInForce) {
    }

    /** A post-only order Bybit accepted and cancelled at once (rejectReason EC_PostOnlyWillTakeLiquidity). */
    record PostOnlyCancelled(long orderId, String orderLinkId, FakeAccount account, FakeMarket market,
                             FakeOrder.Side side, BigDecimal price, BigDecimal qty, long time) {
    }

    private final Map<Long, AsSent> asSent = new HashMap<>();
    private final List<PostOnlyCancelled> postOnly = new ArrayList<>();
    private long nextSyntheticId = 900_000_000L;

    synchronized void sent(long orderId, AsSent how) { asSent.put(orderId, how); }

    synchronized AsSent asSent(long orderId) { return asSent.get(orderId); }

    synchronized PostOnlyCancelled cancelPostOnly(String orderLinkId, FakeAccount account, FakeMarket market,
                                                  FakeOrder.Side side, BigDecimal price, BigDecimal qty, long time) {
        PostOnlyCancelled order = new PostOnlyCancelled(nextSyntheticId++, orderLinkId, account, market, side, price, qty,
                time);
        postOnly.add(order);
        return order;
    }

    synchronized List<PostOnlyCancelled> postOnly(FakeAccount account) {
        return postOnly.stream().filter(o -> o.account() == account).toList();
    }

    synchronized boolean linkIdUsed(FakeAccount account, String orderLinkId) {
        return postOnly.stream().anyMatch(o -> o.account() == account && orderLinkId.equals(o.orderLinkId()));
    }
}
