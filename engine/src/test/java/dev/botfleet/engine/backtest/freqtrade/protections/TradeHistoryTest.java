package dev.botfleet.engine.backtest.freqtrade.protections;

import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lookback query: strictly after the start, closing order kept, trades closed out of time order still found. */
class TradeHistoryTest {

    private static ClosedTrade closed(String pair, long close) {
        return new ClosedTrade(pair, close - 60_000, close, -0.01, -1, "stop_loss", false);
    }

    @Test
    void aTradeHiddenBehindAnOlderCloseIsStillFound() {
        // With --timeframe-detail pairs run one after another inside a candle: ETH may close at 10:03 after LTC
        // closed at 10:08. A walk back that stopped at the first close <= 10:03 would miss LTC.
        ClosedTrade ltc = closed("LTC/BTC", at(10, 8));
        ClosedTrade eth = closed("ETH/BTC", at(10, 3));
        ClosedTrade xrp = closed("XRP/BTC", at(10, 9));
        TradeHistory history = new TradeHistory();
        history.update(List.of(ltc, eth, xrp));

        assertThat(history.closedAfter(at(10, 3), null)).containsExactly(ltc, xrp);
        assertThat(history.closedAfter(at(10, 3), "LTC/BTC")).containsExactly(ltc);
        assertThat(history.closedAfter(at(10, 2), null)).containsExactly(ltc, eth, xrp);
        assertThat(history.closedAfter(at(10, 9), null)).isEmpty();
    }

    @Test
    void inTimeOrderTheWindowIsTheTradesStrictlyAfterItsStart() {
        ClosedTrade a = closed("LTC/BTC", at(9, 0));
        ClosedTrade b = closed("LTC/BTC", at(10, 0));
        ClosedTrade c = closed("ETH/BTC", at(10, 30));
        TradeHistory history = new TradeHistory();
        history.update(List.of(a));
        history.update(List.of(a, b, c));

        assertThat(history.closedAfter(at(9, 0), null)).containsExactly(b, c);
        assertThat(history.closedAfter(at(8, 59), "LTC/BTC")).containsExactly(a, b);
    }
}
