package dev.botfleet.server.runtime;

import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.server.support.OnH2;
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
 * Paper bots on the running server fill only at prices the sim market traded after their orders were placed: the
 * 1m candles the feed builds from its ticks reach the bots (for their strategies) but are never matched a second
 * time. Three scalpers trade across at least one candle close while the test records every trade of the market.
 */
@OnH2
class PaperFillTimingH2Test extends RuntimeTestBase {
    @Autowired
    MarketDataHub hub;

    @Test
    void everyPaperFillIsAtAPriceTradedAfterItsOrderWasPlaced() {
        List<Tick> tape = new CopyOnWriteArrayList<>();
        MarketDataHub.Subscription recording = hub.subscribe("sim", "BTC/USDT", new MarketDataListener() {
            @Override
            public void onTick(Tick tick) {
                tape.add(tick);
            }
        });
        try {
            Session user = newUser();
            List<String> bots = new ArrayList<>(List.of(start(user, scalper(user, "0.0003", "0.0003")),
                    start(user, scalper(user, "0.0006", "0.0006")), start(user, scalper(user, "0.001", "0.001"))));
            long firstTick = tape.isEmpty() ? clock.millis() : tape.getFirst().timestamp();
            long candleClose = (firstTick / 60_000 + 1) * 60_000;  // the first 1m candle completes here
            // A scalper trades between two fixed prices; when the sim walk drifts away from them it stops filling. So
            // while no fill has come after the candle close, another scalper is started around the price every 5 s.
            long[] nextSpawn = {System.nanoTime() + 5_000_000_000L};
            await("two fills after the candle close at " + Instant.ofEpochMilli(candleClose), () -> {
                if (System.nanoTime() > nextSpawn[0] && bots.size() < 12) {
                    bots.add(start(user, scalper(user, "0.0003", "0.0003")));
                    nextSpawn[0] = System.nanoTime() + 5_000_000_000L;
                }
                return fillsAfter(user, bots, candleClose);
            }, n -> n >= 2 && !tape.isEmpty() && tape.getLast().timestamp() > candleClose + 5_000);
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
                    assertThat(tradedSince).as("fill " + fill + " of an order placed at " + Instant.ofEpochMilli(placed)
                            + ": the market did not trade there in between").isTrue();
                    checked++;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(3);
        } finally {
            recording.close();
        }
    }

    private long fillsAfter(Session user, List<String> bots, long time) {
        long n = 0;
        for (String bot : bots) {
            for (JsonNode fill : get("/api/v1/bots/" + bot + "/trades", user).body()) {
                if (Instant.parse(fill.get("executedAt").asString()).toEpochMilli() > time) n++;
            }
        }
        return n;
    }
}
