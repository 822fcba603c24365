package dev.botfleet.engine.runtime;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seats' rules, step by step on one thread (QuietTicksTest races them on real threads): when the shard may skip a
 * tick for a bot, and that a seat handed to a new bot is never written by the bot that had it.
 */
class QuietSeatsTest {
    private static final QuietBand BETWEEN_100_AND_200 = band(100, 200);

    private static QuietBand band(double low, double high) {
        QuietBand band = new QuietBand().reset();
        band.above(low);
        band.below(high);
        return band;
    }

    private static Tick tick(long seq, double price) {
        return new Tick("sim", "BTC/USDT", seq, price, seq);
    }

    /** One whole event of the seat's bot that handles {@code taken} ticks and leaves {@code band}. */
    private static void event(QuietSeats.Seat seat, int taken, QuietBand band) {
        assertThat(seat.begin()).isTrue();
        for (int i = 0; i < taken; i++) seat.taken();
        seat.end(band);
    }

    @Test
    void aSeatSkipsTheTicksItsBandHoldsOnlyBetweenEventsAndOnlyWhenEveryTickDeliveredWasTaken() {
        QuietSeats seats = new QuietSeats(2);
        QuietSeats.Seat seat = seats.seat(0);
        Object[] batch = {tick(1, 150), tick(2, 160), tick(3, 250), tick(4, 150)};

        assertThat(seats.quietPrefix(0, batch, 4, 0)).as("no band published yet").isZero();
        event(seat, 1, BETWEEN_100_AND_200);
        assertThat(seats.quietPrefix(0, batch, 4, 2)).as("a tick delivered is not taken yet").isZero();
        assertThat(seats.quietPrefix(0, batch, 4, 1)).as("the ticks before the first one outside").isEqualTo(2);

        assertThat(seat.begin()).isTrue();
        assertThat(seat.takeSkipped()).as("the last tick skipped, for the bot to take").isEqualTo(batch[1]);
        assertThat(seat.takeSkipped()).isNull();
        assertThat(seats.quietPrefix(0, batch, 4, 1)).as("inside an event").isZero();
        seat.end(BETWEEN_100_AND_200);
        assertThat(seats.quietPrefix(0, batch, 4, 1)).isEqualTo(2);
    }

    /** The minute's candle opened at 0: it closes at 60,000. */
    private static Candle candle(double close) {
        return new Candle("sim", "BTC/USDT", Timeframe.M1, 0, close, close, close, close, 1);
    }

    @Test
    void aCandleInsideTheBandIsSkippedOnlyWhileTheBandSaysCandlesAreQuietAndIsLeftForTheBotWhenItIsTheLast() {
        QuietSeats seats = new QuietSeats(1);
        QuietSeats.Seat seat = seats.seat(0);
        Object[] batch = {tick(1, 150), candle(160), tick(60_001, 170)};
        event(seat, 0, BETWEEN_100_AND_200);
        assertThat(seats.quietPrefix(0, batch, 3, 0)).as("ticks and the candle between them").isEqualTo(3);
        assertThat(seat.begin()).isTrue();
        assertThat(seat.takeSkipped()).as("a tick after the candle sets price and clock").isEqualTo(batch[2]);
        seat.end(BETWEEN_100_AND_200);

        assertThat(seats.quietPrefix(0, batch, 2, 0)).isEqualTo(2);
        assertThat(seat.begin()).isTrue();
        assertThat(seat.takeSkipped()).as("the candle last: the bot takes it, for its close and close time")
                .isEqualTo(batch[1]);
        QuietBand candlesMatter = band(100, 200);
        candlesMatter.candlesMatter();
        seat.end(candlesMatter);
        assertThat(seats.quietPrefix(0, batch, 3, 0)).as("the strategy reads candles").isEqualTo(1);

        event(seat, 0, BETWEEN_100_AND_200);
        Object[] closingOutside = {tick(1, 150), candle(250), tick(60_001, 170)};
        assertThat(seats.quietPrefix(0, closingOutside, 3, 0)).as("a close outside the band").isEqualTo(1);
        QuietBand timerAtTheClose = band(100, 200);
        timerAtTheClose.before(60_000);
        assertThat(seat.begin()).isTrue();
        seat.takeSkipped();
        seat.end(timerAtTheClose);
        assertThat(seats.quietPrefix(0, batch, 3, 0)).as("a timer due at the candle's close").isEqualTo(1);
    }

    @Test
    void aRevokedSeatSkipsNothingYetItsBotStillTakesTheTickSkippedBefore() {
        QuietSeats seats = new QuietSeats(1);
        QuietSeats.Seat seat = seats.seat(0);
        event(seat, 0, BETWEEN_100_AND_200);
        Object[] batch = {tick(1, 150)};
        assertThat(seats.quietPrefix(0, batch, 1, 0)).isEqualTo(1);

        seat.revoke();
        assertThat(seats.quietPrefix(0, batch, 1, 0)).isZero();
        assertThat(seat.begin()).isTrue();
        assertThat(seat.takeSkipped()).isEqualTo(batch[0]);
        seat.end(BETWEEN_100_AND_200);
        assertThat(seats.quietPrefix(0, batch, 1, 0)).as("revoked for good").isZero();
    }

    @Test
    void aSeatIsNotGivenAwayDuringItsBotsEventAndTheOldBotNeverWritesItAgain() {
        QuietSeats seats = new QuietSeats(1);
        QuietSeats.Seat old = seats.seat(0);
        event(old, 0, BETWEEN_100_AND_200);
        Object[] batch = {tick(1, 150)};
        assertThat(seats.quietPrefix(0, batch, 1, 0)).isEqualTo(1);  // a tick left for the old bot
        old.revoke();  // it left

        assertThat(old.begin()).isTrue();
        assertThat(seats.seat(0)).as("its event is under way").isNull();
        old.end(BETWEEN_100_AND_200);
        QuietSeats.Seat fresh = seats.seat(0);
        assertThat(fresh).isNotNull();

        assertThat(old.begin()).as("the seat is another bot's now").isFalse();
        assertThat(seats.quietPrefix(0, batch, 1, 0)).as("the new bot's band holds nothing yet").isZero();
        assertThat(fresh.begin()).isTrue();
        assertThat(fresh.takeSkipped()).as("the old bot's tick is not handed to the new one").isNull();
        fresh.end(band(140, 160));
        assertThat(seats.quietPrefix(0, batch, 1, 0)).isEqualTo(1);
        old.revoke();  // a late revoke by the old bot leaves the new one's seat alone
        assertThat(seats.quietPrefix(0, new Object[]{tick(2, 150)}, 1, 0)).isEqualTo(1);
    }

    @Test
    void aTickTheBotsEventHasAlreadyBegunAfterIsNotSkipped() {
        QuietSeats seats = new QuietSeats(1);
        QuietSeats.Seat seat = seats.seat(0);
        event(seat, 0, BETWEEN_100_AND_200);
        assertThat(seat.begin()).isTrue();
        assertThat(seats.quietPrefix(0, new Object[]{tick(1, 150)}, 1, 0)).isZero();
        seat.end(BETWEEN_100_AND_200);
        assertThat(seat.begin()).isTrue();
        assertThat(seat.takeSkipped()).as("nothing was left in the seat").isNull();
        seat.end(BETWEEN_100_AND_200);
    }
}
