package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The closed trades of a run, and Freqtrade's {@code Trade.get_trades_proxy(is_open=False, close_date=...)} query over
 * them: the trades that closed strictly after a time, optionally of one pair, in closing order.
 * <p>
 * A query walks back from the newest trade and stops as soon as no older trade can be in the window, so its cost is
 * the window's size, not the run's. Close times are almost in closing order; they can step back when pairs are
 * processed one after another inside a candle ({@code --timeframe-detail}). The largest such step seen so far
 * ({@code disorder}) bounds how far back a trade inside the window can hide: once a trade closed at or before
 * {@code start - disorder}, every older one closed at or before {@code start}.
 */
final class TradeHistory {

    private List<ClosedTrade> trades = List.of();
    private int scanned;
    private long latestClose = Long.MIN_VALUE;
    private long disorder;

    /** Takes the current list: the previous one with the new trades appended. */
    void update(List<ClosedTrade> closedSoFar) {
        if (closedSoFar.size() < scanned) {
            throw new IllegalArgumentException("closedSoFar holds " + closedSoFar.size()
                    + " trades, fewer than the " + scanned + " of the previous call: pass every trade closed so far in"
                    + " this run, in closing order");
        }
        for (int i = scanned; i < closedSoFar.size(); i++) {
            long close = closedSoFar.get(i).closeTime();
            if (close > latestClose) {
                latestClose = close;
            } else {
                disorder = Math.max(disorder, latestClose - close);
            }
        }
        scanned = closedSoFar.size();
        trades = closedSoFar;
    }

    /** Trades closed strictly after {@code start}, of {@code pair} (every pair when null), in closing order. */
    List<ClosedTrade> closedAfter(long start, String pair) {
        List<ClosedTrade> found = new ArrayList<>();
        for (int i = trades.size() - 1; i >= 0; i--) {
            ClosedTrade t = trades.get(i);
            if (t.closeTime() + disorder <= start) {
                break;
            }
            if (t.closeTime() > start && (pair == null || t.pair().equals(pair))) {
                found.add(t);
            }
        }
        Collections.reverse(found);
        return found;
    }
}
