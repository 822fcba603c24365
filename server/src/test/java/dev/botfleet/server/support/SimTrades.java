package dev.botfleet.server.support;

import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.MarketDataHub;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * Trades a test makes on a sim market so that a bot's resting orders fill now, instead of whenever the sim walk comes
 * back to them. The walk is a random walk, and the time it takes to come back through a level is heavy-tailed: from a
 * random point of the test feed's walk, a round trip through levels 0.02 % either side took a median 1.2 s, but 5 % of
 * 2,000 walks took longer than the tests' 90 s deadline (a full CI run once timed out that way).
 *
 * <p>A trade is published on the hub exactly as the sim feed publishes its own (real-time timestamp, so it is market
 * data from after the order was accepted); the walk goes on from its own state afterwards.
 */
public final class SimTrades {
    /** The sim markets' price tick (SimMarkets): one tick beyond a limit is the nearest trade that fills it. */
    private static final BigDecimal TICK = new BigDecimal("0.01");
    /** Far more than any test order, so a volume-limited fill model fills the whole order on this one trade. */
    private static final double SIZE = 10;

    private SimTrades() {
    }

    /** One trade one tick through each open limit order in {@code openOrders} (an orders list as the API answers). */
    public static void through(MarketDataHub hub, Clock clock, JsonNode openOrders) {
        for (JsonNode order : openOrders) {
            if (!order.get("type").asString().equals("LIMIT") || !order.get("exchange").asString().equals("sim")) continue;
            BigDecimal limit = new BigDecimal(order.get("price").asString());
            BigDecimal price = order.get("side").asString().equals("BUY") ? limit.subtract(TICK) : limit.add(TICK);
            hub.publish(new Tick("sim", order.get("symbol").asString(), clock.millis(), price.doubleValue(), SIZE));
        }
    }
}
