package dev.botfleet.server.market;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.sim.SimMarkets;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sim market's made-up past: whole 1m candles before the start, on the tick grid, joining the live start price. */
class SimHistoryTest {
    static final SimMarkets BTC = SimMarkets.find("BTC/USDT").orElseThrow();
    static final long START = Instant.parse("2026-06-01T12:34:56.789Z").toEpochMilli();
    static final SimProperties SIX_HOURS = new SimProperties(true, 300, Duration.ofMillis(250), 42, Duration.ofHours(6));

    @Test
    void sixHoursOfContiguousMinutesEndingBeforeTheStartAtTheStartPrice() {
        List<Candle> past = SimHistory.of(BTC, SIX_HOURS, START);

        assertThat(past).hasSizeBetween(6 * 60 - 1, 6 * 60);
        for (int i = 1; i < past.size(); i++) {
            assertThat(past.get(i).openTime() - past.get(i - 1).openTime()).isEqualTo(60_000);
        }
        Candle last = past.getLast();
        assertThat(last.closeTime()).isLessThanOrEqualTo(START);
        assertThat(START - last.closeTime()).isLessThan(60_000);
        assertThat(BigDecimal.valueOf(last.close())).isEqualByComparingTo(BTC.startPrice());
        for (Candle c : past) {
            assertThat(c.timeframe()).isEqualTo(Timeframe.M1);
            assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
            assertThat(c.low()).isLessThanOrEqualTo(Math.min(c.open(), c.close()));
            assertThat(BTC.instrument().isOnTick(BigDecimal.valueOf(c.low()))).isTrue();
        }
    }

    @Test
    void theSameSeedMakesTheSamePastAndTheMarketMovesInIt() {
        List<Candle> one = SimHistory.of(BTC, SIX_HOURS, START);
        assertThat(SimHistory.of(BTC, SIX_HOURS, START)).isEqualTo(one);
        double highest = one.stream().mapToDouble(Candle::high).max().orElseThrow();
        double lowest = one.stream().mapToDouble(Candle::low).min().orElseThrow();
        assertThat(highest / lowest).as("a flat past would warm indicators up on nothing").isGreaterThan(1.01);
        assertThat(SimHistory.of(BTC, new SimProperties(true, 300, Duration.ofMillis(250), 7, Duration.ofHours(6)), START))
                .isNotEqualTo(one);
    }

    @Test
    void noHistoryWhenSwitchedOff() {
        assertThat(SimHistory.of(BTC, new SimProperties(true, 300, Duration.ofMillis(250), 42, Duration.ZERO), START)).isEmpty();
    }
}
