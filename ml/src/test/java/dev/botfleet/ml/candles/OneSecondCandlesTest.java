package dev.botfleet.ml.candles;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OneSecondCandlesTest {

    private static final long T = 1_700_000_000_000L;

    private final List<OneSecondCandle> closed = new ArrayList<>();
    private final OneSecondCandles candles = new OneSecondCandles(3, closed::add);

    @Test
    void tradesOfOneSecondMakeOneCandleWithBuyAndSellVolume() {
        candles.onTrade(new Trade(T + 10, 100, 1, TradeSide.BUY));
        candles.onTrade(new Trade(T + 400, 103, 2, TradeSide.BUY));
        candles.onTrade(new Trade(T + 700, 99, 0.5, TradeSide.SELL));
        candles.onTrade(new Trade(T + 999, 101, 1, TradeSide.SELL));
        assertThat(closed).isEmpty(); // the second is still open

        candles.onTrade(new Trade(T + 1000, 102, 1, TradeSide.BUY));

        assertThat(closed).containsExactly(
                new OneSecondCandle(T, 100, 103, 99, 101, 3, 1.5, 100 + 206 + 49.5 + 101, 4));
        assertThat(closed.getFirst().volume()).isEqualTo(4.5);
    }

    @Test
    void secondsWithoutTradesAreCarriedAtThePreviousClose() {
        candles.onTrade(new Trade(T + 500, 100, 1, TradeSide.BUY));
        candles.onTrade(new Trade(T + 3200, 105, 1, TradeSide.SELL));

        assertThat(closed).containsExactly(
                new OneSecondCandle(T, 100, 100, 100, 100, 1, 0, 100, 1),
                OneSecondCandle.carried(T + 1000, 100),
                OneSecondCandle.carried(T + 2000, 100));
        assertThat(closed.get(1).isCarried()).isTrue();
    }

    @Test
    void advanceToClosesTheSecondsThatEndedAndCarriesTheRest() {
        candles.onTrade(new Trade(T + 500, 100, 1, TradeSide.BUY));
        candles.advanceTo(T + 999);
        assertThat(closed).isEmpty();

        candles.advanceTo(T + 1000);
        assertThat(closed).hasSize(1);

        candles.advanceTo(T + 3500);
        assertThat(closed).extracting(OneSecondCandle::second).containsExactly(T, T + 1000, T + 2000);
        assertThat(closed.getLast()).isEqualTo(OneSecondCandle.carried(T + 2000, 100));

        // a trade in the still-open second T+3000 opens it normally after the carried ones
        candles.onTrade(new Trade(T + 3600, 90, 2, TradeSide.SELL));
        candles.advanceTo(T + 4000);
        assertThat(closed.getLast()).isEqualTo(new OneSecondCandle(T + 3000, 90, 90, 90, 90, 0, 2, 180, 1));
    }

    @Test
    void nothingIsCarriedBeforeTheFirstTrade() {
        candles.advanceTo(T + 10_000);
        candles.onTrade(new Trade(T + 20_500, 100, 1, TradeSide.BUY));
        candles.advanceTo(T + 21_000);

        assertThat(closed).extracting(OneSecondCandle::second).containsExactly(T + 20_000);
    }

    @Test
    void aTradeOlderThanTheOpenSecondIsDroppedAndCounted() {
        candles.onTrade(new Trade(T + 1500, 100, 1, TradeSide.BUY));
        candles.onTrade(new Trade(T + 900, 50, 1, TradeSide.SELL));
        candles.advanceTo(T + 2000);
        candles.onTrade(new Trade(T + 1999, 60, 1, TradeSide.SELL));

        assertThat(candles.droppedTrades()).isEqualTo(2);
        assertThat(closed).containsExactly(new OneSecondCandle(T + 1000, 100, 100, 100, 100, 1, 0, 100, 1));
    }

    @Test
    void theWindowKeepsTheNewestCandlesOldestFirst() {
        for (int i = 0; i < 5; i++) {
            candles.onTrade(new Trade(T + i * 1000L, 100 + i, 1, TradeSide.BUY));
        }
        candles.advanceTo(T + 5000);

        CandleWindow w = candles.window();
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.isFull()).isTrue();
        assertThat(new double[]{w.close(0), w.close(1), w.close(2)}).containsExactly(102, 103, 104);
        assertThat(w.second(0)).isEqualTo(T + 2000);
        assertThatThrownBy(() -> w.close(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void ofATradeListClosesTheLastSecond() {
        List<OneSecondCandle> series = OneSecondCandles.of(List.of(
                new Trade(T + 100, 10, 1, TradeSide.BUY),
                new Trade(T + 2100, 11, 1, TradeSide.SELL)));

        assertThat(series).extracting(OneSecondCandle::close).containsExactly(10.0, 10.0, 11.0);
    }

    @Test
    void aWindowRefusesCandlesOutOfOrder() {
        CandleWindow w = new CandleWindow(2);
        w.push(OneSecondCandle.carried(T + 1000, 1));
        assertThatThrownBy(() -> w.push(OneSecondCandle.carried(T, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after");
    }

    @Test
    void theTickRuleClassifiesUpticksAsBuysAndKeepsTheSideOnEqualPrices() {
        assertThat(TradeSide.byTickRule(101, 100, TradeSide.SELL)).isEqualTo(TradeSide.BUY);
        assertThat(TradeSide.byTickRule(99, 100, TradeSide.BUY)).isEqualTo(TradeSide.SELL);
        assertThat(TradeSide.byTickRule(100, 100, TradeSide.SELL)).isEqualTo(TradeSide.SELL);
        assertThat(TradeSide.byTickRule(100, 100, null)).isEqualTo(TradeSide.BUY);
    }
}
