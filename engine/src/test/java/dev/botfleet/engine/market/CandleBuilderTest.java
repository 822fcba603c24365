package dev.botfleet.engine.market;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CandleBuilderTest {
    private static final long MINUTE = 60_000L;
    private final CandleBuilder builder = new CandleBuilder("sim", "BTC/USDT", Timeframe.M1);

    private Tick tick(long time, double price, double size) {
        return new Tick("sim", "BTC/USDT", time, price, size);
    }

    @Test
    void aCandleIsHandedOutOnlyWhenTheNextBucketStarts() {
        long t0 = 10 * MINUTE;
        assertThat(builder.accept(tick(t0 + 1_000, 100, 1))).isEmpty();
        assertThat(builder.accept(tick(t0 + 20_000, 105, 2))).isEmpty();
        assertThat(builder.accept(tick(t0 + 40_000, 97, 0.5))).isEmpty();
        assertThat(builder.accept(tick(t0 + 59_999, 101, 1))).isEmpty();

        Candle done = builder.accept(tick(t0 + MINUTE, 102, 1)).orElseThrow();

        assertThat(done.openTime()).isEqualTo(t0);
        assertThat(done.timeframe()).isEqualTo(Timeframe.M1);
        assertThat(done.open()).isEqualTo(100);
        assertThat(done.high()).isEqualTo(105);
        assertThat(done.low()).isEqualTo(97);
        assertThat(done.close()).isEqualTo(101);
        assertThat(done.volume()).isEqualTo(4.5);
    }

    @Test
    void theNextCandleStartsFromTheTickThatClosedThePreviousOne() {
        builder.accept(tick(0, 100, 1));
        builder.accept(tick(MINUTE + 5, 110, 1));
        Candle second = builder.accept(tick(5 * MINUTE, 90, 1)).orElseThrow();
        assertThat(second.openTime()).isEqualTo(MINUTE);
        assertThat(second.open()).isEqualTo(110);
        assertThat(second.close()).isEqualTo(110);
    }

    @Test
    void aLateTickIsFoldedIntoTheCurrentCandleInsteadOfReopeningAnOldOne() {
        builder.accept(tick(MINUTE, 100, 1));
        assertThat(builder.accept(tick(MINUTE - 1, 80, 1))).isEmpty();
        Candle c = builder.accept(tick(2 * MINUTE, 100, 1)).orElseThrow();
        assertThat(c.openTime()).isEqualTo(MINUTE);
        assertThat(c.low()).isEqualTo(80);
    }
}
