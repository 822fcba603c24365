package dev.botfleet.server.market;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recent 1m candles of each market, and the longer candles built from them. */
class CandleHistoryTest {
    static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    final CandleHistory history = new CandleHistory();

    static Candle minute(int m, double close) {
        return new Candle("sim", "BTC/USDT", Timeframe.M1, T0 + 60_000L * m, close - 1, close + 2, close - 3, close, 1);
    }

    @Test
    void fiveMinuteCandlesAreWholeBucketsOfTheirMinutes() {
        for (int m = 0; m < 13; m++) history.add(minute(m, 100 + m));  // minutes 0-12: buckets 0-4, 5-9, and 10-12 forming

        List<Candle> fives = history.last("sim", "BTC/USDT", Timeframe.M5, 10);
        assertThat(fives).hasSize(2);
        Candle second = fives.get(1);
        assertThat(second.openTime()).isEqualTo(T0 + 5 * 60_000L);
        assertThat(second.open()).isEqualTo(104);   // minute 5 opens at 105 - 1
        assertThat(second.close()).isEqualTo(109);
        assertThat(second.high()).isEqualTo(111);
        assertThat(second.low()).isEqualTo(102);
        assertThat(second.volume()).isEqualTo(5);
        assertThat(history.last("sim", "BTC/USDT", Timeframe.M5, 1)).containsExactly(second);
    }

    @Test
    void aBucketWithAMissingMinuteOrCutByTheStartIsNoCandle() {
        for (int m = 3; m < 15; m++) if (m != 7) history.add(minute(m, 100));  // 0-4 cut at the start, 5-9 has a gap
        assertThat(history.last("sim", "BTC/USDT", Timeframe.M5, 10)).extracting(Candle::openTime)
                .containsExactly(T0 + 10 * 60_000L);
    }

    @Test
    void minuteCandlesAreTheNewestAndThePastIsNeverRewritten() {
        for (int m = 0; m < 10; m++) history.add(minute(m, 100 + m));
        history.add(minute(4, 1));  // older than the last: ignored
        assertThat(history.last("sim", "BTC/USDT", Timeframe.M1, 3)).extracting(Candle::close).containsExactly(107.0, 108.0, 109.0);
        assertThat(history.since("sim", "BTC/USDT", T0 + 8 * 60_000L)).hasSize(2);
        assertThat(history.last("sim", "ETH/USDT", Timeframe.M1, 3)).isEmpty();
        assertThatThrownBy(() -> history.add(new Candle("sim", "BTC/USDT", Timeframe.M5, T0, 1, 1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itKeepsFourDaysPerMarket() {
        for (int m = 0; m < CandleHistory.KEEP + 10; m++) history.add(minute(m, 100));
        assertThat(history.since("sim", "BTC/USDT", 0)).hasSize(CandleHistory.KEEP).first()
                .extracting(Candle::openTime).isEqualTo(T0 + 10 * 60_000L);
    }
}
