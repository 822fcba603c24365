package dev.botfleet.server.runtime;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.server.support.OnH2;
import dev.botfleet.server.support.SimTrades;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paper bots on the running server fill only at prices the market traded after their orders were placed. A candle
 * reaches the bots (for their strategies) but is never matched: on a tick feed its trades were matched one by one
 * already. The test hands three resting scalpers a closed candle from after their orders whose range crosses them all
 * — matched, it would fill every one at its limit at the candle's close, where no trade went — then trades through the
 * orders, and checks every fill against the tape of trades it recorded.
 *
 * <p>(It waited for the sim feed's own 1m candle once: up to a minute of the suite. The candle here is built by the
 * test, so it can lie wholly after the orders were accepted, which the feed's minute candle never does for all.)
 */
@OnH2
class PaperFillTimingH2Test extends RuntimeTestBase {
    @Autowired
    MarketDataHub hub;

    @Test
    void aCandleFillsNothingAndEveryPaperFillIsAtAPriceTradedAfterItsOrderWasPlaced() {
        List<Tick> tape = new CopyOnWriteArrayList<>();
        MarketDataHub.Subscription recording = hub.subscribe("sim", "BTC/USDT", new MarketDataListener() {
            @Override
            public void onTick(Tick tick) {
                tape.add(tick);
            }
        });
        try {
            Session user = newUser();
            // 2-4 % from the price: the walk does not come there in the seconds the test takes, so the candle crosses
            // orders that still rest (at 0.3 % one once filled on the walk before the candle came)
            List<String> bots = List.of(start(user, scalper(user, "0.02", "0.02")),
                    start(user, scalper(user, "0.03", "0.03")), start(user, scalper(user, "0.04", "0.04")));
            List<JsonNode> buys = await("each bot's buy resting at the exchange", () -> restingBuys(user, bots),
                    l -> l.size() == bots.size());

            long candleOpen = clock.millis() + 1;  // after every acceptance: all three orders would take part
            double low = buys.stream().mapToDouble(o -> price(o).doubleValue()).min().orElseThrow() * 0.99;
            double last = tape.isEmpty() ? ltp().doubleValue() : tape.getLast().price();
            await("the candle's close to pass", clock::millis, now -> now > candleOpen + Timeframe.S1.millis());
            hub.publish(new Candle("sim", "BTC/USDT", Timeframe.S1, candleOpen, last, last, low, low, 5));
            long candleClose = candleOpen + Timeframe.S1.millis();

            await("a fill of each bot", () -> {
                for (String bot : bots) SimTrades.through(hub, clock, get("/api/v1/bots/" + bot + "/orders?status=open", user).body());
                return bots.stream().filter(bot -> get("/api/v1/bots/" + bot + "/trades", user).body().size() > 0).count();
            }, n -> n == bots.size());
            for (String bot : bots) post("/api/v1/bots/" + bot + "/stop", user, null);

            int checked = 0;
            for (String bot : bots) {
                Map<String, Long> placedAt = new HashMap<>();
                for (JsonNode o : get("/api/v1/bots/" + bot + "/orders", user).body()) {
                    placedAt.put(o.get("clientOrderId").asString(), Instant.parse(o.get("createdAt").asString()).toEpochMilli());
                }
                for (JsonNode fill : get("/api/v1/bots/" + bot + "/trades", user).body()) {
                    long placed = placedAt.get(fill.get("clientOrderId").asString());
                    long executed = Instant.parse(fill.get("executedAt").asString()).toEpochMilli();
                    double price = new BigDecimal(fill.get("price").asString()).doubleValue();
                    boolean buy = fill.get("side").asString().equals("BUY");
                    boolean tradedSince = tape.stream().anyMatch(t -> t.timestamp() >= placed && t.timestamp() <= executed
                            && (buy ? t.price() <= price : t.price() >= price));
                    assertThat(tradedSince).as("fill " + fill + " of an order placed at "
                            + Instant.ofEpochMilli(placed) + ": the market did not trade there in between").isTrue();
                    assertThat(executed).as("fill " + fill + ": at a trade, not at the candle's close").isNotEqualTo(candleClose);
                    checked++;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(bots.size());
        } finally {
            recording.close();
        }
    }

    /** The bots' buy orders the exchange has accepted (a paper order is accepted once its intent is committed). */
    private List<JsonNode> restingBuys(Session user, List<String> bots) {
        List<JsonNode> buys = new ArrayList<>();
        for (String bot : bots) {
            for (JsonNode o : get("/api/v1/bots/" + bot + "/orders?status=open", user).body()) {
                if (o.get("side").asString().equals("BUY") && o.get("status").asString().equals("ACCEPTED")) buys.add(o);
            }
        }
        return buys;
    }

    private static BigDecimal price(JsonNode order) {
        return new BigDecimal(order.get("price").asString());
    }
}
