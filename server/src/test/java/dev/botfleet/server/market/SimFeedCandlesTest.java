package dev.botfleet.server.market;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.runtime.MarketDataHub;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Candle-driven strategies on paper depend on the sim feed publishing real-time 1m candles. */
class SimFeedCandlesTest {
    private Instant now = Instant.parse("2026-01-01T00:00:05Z");
    private final Clock clock = new Clock() {
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void completedMinuteCandlesArePublishedBeforeTheTickThatOpensTheNextMinute() {
        MarketDataHub hub = new MarketDataHub();
        List<Object> seen = new ArrayList<>();
        hub.subscribe("sim", "BTC/USDT", new MarketDataListener() {
            @Override public void onTick(Tick tick) { seen.add(tick); }
            @Override public void onCandle(Candle candle) { seen.add(candle); }
        });
        // an hour between scheduled steps: only this test's explicit steps publish
        SimFeed feed = new SimFeed(hub, new SimProperties(true, 300, Duration.ofHours(1), 42, Duration.ZERO), clock, List.of(),
                new CandleHistory());
        feed.start();
        try {
            for (int i = 0; i < 5; i++) {
                now = now.plusSeconds(10);
                feed.publishNext();
            }
            assertThat(seen).noneMatch(e -> e instanceof Candle);

            now = Instant.parse("2026-01-01T00:01:00.500Z");
            feed.publishNext();
        } finally {
            feed.stop();
        }

        List<Candle> candles = seen.stream().filter(e -> e instanceof Candle).map(e -> (Candle) e).toList();
        assertThat(candles).singleElement().satisfies(c -> {
            assertThat(c.timeframe()).isEqualTo(Timeframe.M1);
            assertThat(c.openTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
            assertThat(c.low()).isLessThanOrEqualTo(c.high());
        });
        int candleAt = seen.indexOf(candles.getFirst());
        assertThat(seen.get(candleAt + 1)).isInstanceOf(Tick.class);
        assertThat(((Tick) seen.get(candleAt + 1)).timestamp()).isGreaterThanOrEqualTo(candles.getFirst().closeTime());
        // the candle is made of the ticks published before it: its close is the last of them
        Tick lastBefore = (Tick) seen.get(candleAt - 1);
        assertThat(candles.getFirst().close()).isEqualTo(lastBefore.price());
    }
}
