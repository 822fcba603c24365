package dev.botfleet.engine.sim;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimPriceFeedTest {
    static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    static final class Collect implements MarketDataListener {
        final List<Tick> ticks = new ArrayList<>();
        final List<Candle> candles = new ArrayList<>();
        @Override public void onTick(Tick tick) { ticks.add(tick); }
        @Override public void onCandle(Candle candle) { candles.add(candle); }
    }

    static Collect run(long seed, long untilMillis) {
        SimPriceFeed feed = new SimPriceFeed(SimMarkets.ALL, seed, Duration.ofMillis(250), START);
        Collect c = new Collect();
        feed.advanceTo(untilMillis, c);
        return c;
    }

    @Test
    void sameSeedSameTicksBitForBit() {
        assertThat(run(42, START + 120_000).ticks).isEqualTo(run(42, START + 120_000).ticks);
        assertThat(run(42, START + 10_000).ticks).isNotEqualTo(run(43, START + 10_000).ticks);
    }

    @Test
    void steppingInPiecesGivesTheSameAsOneJump() {
        SimPriceFeed feed = new SimPriceFeed(SimMarkets.ALL, 7, Duration.ofMillis(250), START);
        Collect pieces = new Collect();
        for (long t = START; t <= START + 90_000; t += 3_333) feed.advanceTo(t, pieces);
        feed.advanceTo(START + 90_000, pieces);
        assertThat(pieces.ticks).isEqualTo(run(7, START + 90_000).ticks);
    }

    @Test
    void fourTradesASecondPerMarketOnTheTickGrid() {
        Collect c = run(1, START + 999);
        assertThat(c.ticks).hasSize(4 * SimMarkets.ALL.size());
        for (Tick t : run(1, START + 600_000).ticks) {
            BigDecimal price = BigDecimal.valueOf(t.price());
            assertThat(price.remainder(new BigDecimal("0.01")).signum()).as("%s on grid", t).isZero();
            assertThat(t.size()).isPositive();
        }
    }

    @Test
    void oneMinuteCandlesSummariseTheirTrades() {
        Collect c = run(3, START + 180_000);
        List<Candle> btc = c.candles.stream().filter(k -> k.symbol().equals("BTC/USDT")).toList();
        assertThat(btc).hasSize(3);
        Candle first = btc.getFirst();
        List<Tick> minute = c.ticks.stream().filter(t -> t.symbol().equals("BTC/USDT"))
                .filter(t -> t.timestamp() < START + 60_000).toList();
        assertThat(first.openTime()).isEqualTo(START);
        assertThat(first.open()).isEqualTo(minute.getFirst().price());
        assertThat(first.close()).isEqualTo(minute.getLast().price());
        assertThat(first.high()).isEqualTo(minute.stream().mapToDouble(Tick::price).max().orElseThrow());
        assertThat(first.low()).isEqualTo(minute.stream().mapToDouble(Tick::price).min().orElseThrow());
    }

    @Test
    void volatilityIsRoughlyTheConfiguredDailyVolatility() {
        // one simulated day at 1-second trades for BTC (3% a day): the daily log return's std over 40 seeded days
        double sum = 0, sumSq = 0;
        int days = 40;
        for (int d = 0; d < days; d++) {
            SimPriceFeed feed = new SimPriceFeed(List.of(SimMarkets.ALL.getFirst()), d, Duration.ofSeconds(1), START);
            feed.advanceTo(START + 86_400_000L, tick -> { });
            double r = Math.log(feed.price("BTC/USDT") / 64000.0);
            sum += r;
            sumSq += r * r;
        }
        double std = Math.sqrt(sumSq / days - (sum / days) * (sum / days));
        assertThat(std).isBetween(0.015, 0.045);
    }

    @Test
    void aScaledClockRunsFaster() {
        Instant base = Instant.parse("2026-05-01T00:00:00Z");
        Clock fixed = Clock.fixed(base.plusSeconds(10), ZoneOffset.UTC);
        Clock scaled = SimClock.scaled(fixed, base, Instant.ofEpochMilli(START), 60);
        assertThat(scaled.millis()).isEqualTo(START + 600_000);
    }
}
