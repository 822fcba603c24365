package dev.botfleet.exchanges.ws;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.ws.CandleGapFiller.Paging;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandleGapFillerTest {
    private static final long MINUTE = Timeframe.M1.millis();
    private static final long T0 = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();

    private static final VenueInstrument BTC = instrument("BTC/USDT", "BTCUSDT");
    private static final VenueInstrument ETH = instrument("ETH/USDT", "ETHUSDT");

    private final AtomicLong clock = new AtomicLong(T0 + 20_000);
    private final List<Candle> delivered = new ArrayList<>();
    private final Venue venue = new Venue();

    @Test
    void deliversEachOpenTimeOnceAndNeverGoesBack() {
        CandleGapFiller filler = filler(1000, Paging.UNTIL_EMPTY_PAGE);

        assertThat(filler.deliver(BTC, candle(BTC, 1))).isTrue();
        assertThat(filler.deliver(BTC, candle(BTC, 0))).as("older than the last delivered").isFalse();
        assertThat(filler.deliver(BTC, candle(BTC, 1))).as("the same open time again").isFalse();
        assertThat(filler.deliver(ETH, candle(ETH, 0))).as("another symbol keeps its own last").isTrue();
        assertThat(filler.deliver(BTC, candle(BTC, 3))).isTrue();

        assertThat(delivered).containsExactly(candle(BTC, 1), candle(ETH, 0), candle(BTC, 3));
    }

    @Test
    void backfillsTheClosedMinutesAfterTheLastDeliveredInOrderWithoutRepeats() {
        CandleGapFiller filler = filler(1000, Paging.UNTIL_EMPTY_PAGE);
        filler.markStarted();
        filler.deliver(BTC, candle(BTC, 0));
        venue.has(BTC, 0, 1, 2, 3, 4, 5);
        clock.set(T0 + 5 * MINUTE + 30_000); // 10:05 is still forming

        filler.backfill(List.of(BTC));
        filler.deliver(BTC, candle(BTC, 4)); // the reconnected socket repeats the last closed one
        filler.deliver(BTC, candle(BTC, 5));

        assertThat(openMinutes()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(venue.requests).containsExactly("BTCUSDT 1-5");
    }

    @Test
    void withNothingDeliveredBackfillStartsAtTheMinuteTheStreamStarted() {
        CandleGapFiller filler = filler(1000, Paging.UNTIL_EMPTY_PAGE);
        clock.set(T0 + 2 * MINUTE + 5_000);
        assertThat(filler.markStarted()).isEqualTo(T0 + 2 * MINUTE);
        clock.set(T0 + 9 * MINUTE);
        assertThat(filler.markStarted()).as("the first start is kept").isEqualTo(T0 + 2 * MINUTE);
        venue.has(BTC, 0, 1, 2, 3);
        clock.set(T0 + 4 * MINUTE + 1);

        filler.backfill(BTC);

        assertThat(openMinutes()).containsExactly(2, 3);
    }

    @Test
    void pagesAcrossAGapLongerThanOnePage() {
        CandleGapFiller filler = filler(2, Paging.UNTIL_EMPTY_PAGE);
        filler.markStarted();
        venue.has(BTC, 0, 1, 2, 3, 4);
        clock.set(T0 + 5 * MINUTE);

        filler.backfill(List.of(BTC));

        assertThat(openMinutes()).containsExactly(0, 1, 2, 3, 4);
        assertThat(venue.requests).containsExactly("BTCUSDT 0-5", "BTCUSDT 2-5", "BTCUSDT 4-5");
    }

    @Test
    void onePageVenuesAskOnce() {
        CandleGapFiller filler = filler(2, Paging.ONE_PAGE);
        filler.markStarted();
        venue.has(BTC, 0, 1, 2, 3, 4);
        clock.set(T0 + 5 * MINUTE);

        filler.backfill(List.of(BTC));

        assertThat(openMinutes()).containsExactly(0, 1);
        assertThat(venue.requests).containsExactly("BTCUSDT 0-5");
    }

    @Test
    void aQuietStretchIsSkippedWhenEmptyPagesMeanNoTrades() {
        CandleGapFiller filler = filler(3, Paging.SKIP_EMPTY_PAGES);
        filler.markStarted();
        filler.deliver(BTC, candle(BTC, 0));
        venue.has(BTC, 7, 8); // no trades from 10:01 to 10:06
        clock.set(T0 + 9 * MINUTE + 10_000);

        filler.backfill(List.of(BTC));

        assertThat(openMinutes()).containsExactly(0, 7, 8);
        assertThat(venue.requests).containsExactly("BTCUSDT 1-9", "BTCUSDT 4-9", "BTCUSDT 7-9");
    }

    @Test
    void anEmptyPageEndsTheBackfillWhereItMeansNothingMore() {
        CandleGapFiller filler = filler(3, Paging.UNTIL_EMPTY_PAGE);
        filler.markStarted();
        filler.deliver(BTC, candle(BTC, 0));
        venue.has(BTC, 7, 8);
        clock.set(T0 + 9 * MINUTE + 10_000);

        filler.backfill(List.of(BTC));

        assertThat(openMinutes()).containsExactly(0);
        assertThat(venue.requests).containsExactly("BTCUSDT 1-9");
    }

    @Test
    void aBestEffortBackfillGoesOnWithTheOtherSymbolsWhenOneFails() {
        CandleGapFiller filler = filler(1000, Paging.UNTIL_EMPTY_PAGE);
        filler.markStarted();
        venue.failing = BTC;
        venue.has(ETH, 0, 1);
        clock.set(T0 + 2 * MINUTE);

        filler.backfill(List.of(BTC, ETH));

        assertThat(delivered).containsExactly(candle(ETH, 0), candle(ETH, 1));
    }

    @Test
    void aStrictBackfillPropagatesSoTheSocketIsDroppedAndRetried() {
        CandleGapFiller filler = filler(1000, Paging.ONE_PAGE);
        filler.markStarted();
        venue.failing = BTC;
        clock.set(T0 + 2 * MINUTE);

        assertThatThrownBy(() -> filler.backfillOrThrow(List.of(BTC))).hasMessageContaining("venue down");
        assertThat(delivered).isEmpty();
    }

    @Test
    void markDeliveredHoldsBackOlderCandles() {
        CandleGapFiller filler = filler(1000, Paging.ONE_PAGE);
        filler.markDelivered(BTC, T0 + MINUTE);
        venue.has(BTC, 1, 2);
        clock.set(T0 + 3 * MINUTE);

        assertThat(filler.deliver(BTC, candle(BTC, 0))).isFalse();
        filler.backfillOrThrow(Set.of(BTC));

        assertThat(openMinutes()).containsExactly(2);
        assertThat(venue.requests).containsExactly("BTCUSDT 2-3");
    }

    @Test
    void theLocalClockStandsInWhenTheVenueCannotBeAsked() {
        CandleGapFiller filler = new CandleGapFiller("test", venue, () -> { throw new IllegalStateException("down"); },
                1000, Paging.ONE_PAGE, delivered::add);
        long before = System.currentTimeMillis();
        long now = filler.venueNow();
        assertThat(now).isBetween(before, System.currentTimeMillis());
        assertThatThrownBy(() -> filler.backfillOrThrow(List.of(BTC))).hasMessage("down");
    }

    private CandleGapFiller filler(int pageSize, Paging paging) {
        return new CandleGapFiller("test", venue, clock::get, pageSize, paging, delivered::add);
    }

    private List<Integer> openMinutes() {
        return delivered.stream().map(c -> (int) ((c.openTime() - T0) / MINUTE)).toList();
    }

    private static Candle candle(VenueInstrument vi, int minute) {
        return new Candle("test", vi.symbol(), Timeframe.M1, T0 + minute * MINUTE, 1, 2, 0.5, 1.5, 10);
    }

    private static VenueInstrument instrument(String symbol, String venueSymbol) {
        BigDecimal unit = new BigDecimal("0.01");
        return new VenueInstrument(new Instrument("test", symbol, symbol.substring(0, 3), "USDT", unit, unit, unit,
                BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO), venueSymbol, true);
    }

    /**
     * REST klines as a venue that answers a window of {@code limit} minutes from {@code from} (so a stretch without
     * trades comes back empty) and serves closed candles only; records each request as "symbol fromMinute-toMinute".
     */
    private final class Venue implements CandleGapFiller.Klines {
        final List<Candle> candles = new ArrayList<>();
        final List<String> requests = new ArrayList<>();
        VenueInstrument failing;

        void has(VenueInstrument vi, int... minutes) {
            for (int m : minutes) candles.add(candle(vi, m));
        }

        @Override
        public List<Candle> klines(VenueInstrument vi, Instant from, Instant to, int limit) {
            requests.add(vi.venueSymbol() + " " + (from.toEpochMilli() - T0) / MINUTE + "-"
                    + (to.toEpochMilli() - T0) / MINUTE);
            if (vi.equals(failing)) throw new IllegalStateException("venue down");
            long end = Math.min(to.toEpochMilli(), from.toEpochMilli() + limit * MINUTE);
            return candles.stream()
                    .filter(c -> c.symbol().equals(vi.symbol()))
                    .filter(c -> c.openTime() >= from.toEpochMilli() && c.openTime() < end)
                    .filter(c -> c.openTime() + MINUTE <= clock.get())
                    .toList();
        }
    }
}
