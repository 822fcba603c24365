package dev.botfleet.engine.backtest.freqtrade;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backtests several pairs sharing one wallet the way Freqtrade 2024.10's backtester does (one pair is the special
 * case {@link FreqtradeBacktest} delegates here).
 * <p>
 * Time runs from the earliest pair's first candle after the startup trim, plus one timeframe, to the latest pair's
 * last candle. At each time step the pairs are visited in Freqtrade's order: first the pairs with open trades, in the
 * order those trades were opened, then the whitelist order; this decides who gets a slot when
 * {@code max_open_trades} binds. A pair takes part once its next candle's time has come (pairs whose data starts
 * later wait). Each visit is one {@link PairStep}, or one per detail candle ({@link DetailCandles}). After the last step, open trades are force-exited at the open of
 * their pair's last candle. Stateless apart from the {@link PairLocks} given: with {@link PairLocks#NONE} one instance
 * can run many backtests, also concurrently.
 */
public final class PortfolioBacktest {

    private final FreqtradeSettings settings;
    private final PairLocks locks;

    public PortfolioBacktest(FreqtradeSettings settings) {
        this(settings, PairLocks.NONE);
    }

    /** {@code locks} is asked before every entry and told about every exit (Freqtrade's protections). */
    public PortfolioBacktest(FreqtradeSettings settings, PairLocks locks) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        if (locks == null) {
            throw new IllegalArgumentException("locks are required (PairLocks.NONE for no protections)");
        }
        this.settings = settings;
        this.locks = locks;
    }

    public FreqtradeSettings settings() {
        return settings;
    }

    /** Runs the backtest over {@code whitelist}, in whitelist order. All pairs must share one timeframe. */
    public PortfolioResult run(List<PairData> whitelist) {
        List<PairCursor> cursors = cursors(whitelist);
        Book book = new Book(settings, locks);
        PairStep pairStep = new PairStep(book);
        Map<String, PairCursor> byPair = new HashMap<>();
        cursors.forEach(c -> byPair.put(c.pair, c));
        // Freqtrade force-exits in the order the pairs were first processed (its per-pair dict's insertion order).
        List<PairCursor> seen = new ArrayList<>();

        Duration timeframe = whitelist.getFirst().candles().timeframe();
        long step = timeframe.toMillis();
        long minDate = Long.MAX_VALUE;
        long maxDate = Long.MIN_VALUE;
        for (PairCursor c : cursors) {
            if (c.hasTrimmedRows()) {
                minDate = Math.min(minDate, c.trimmedStart());
                maxDate = Math.max(maxDate, c.lastTime());
            }
        }
        if (minDate == Long.MAX_VALUE) {
            return book.result(); // no pair has data after the startup candles
        }
        for (long now = minDate + step; now <= maxDate; now += step) {
            boolean lastStep = now == maxDate;
            for (PairCursor cursor : visitingOrder(book, byPair, cursors)) {
                Row row = cursor.nextRow(now);
                if (row == null) {
                    continue;
                }
                if (!cursor.seen) {
                    cursor.seen = true;
                    seen.add(cursor);
                }
                DetailCandles.visit(pairStep, cursor, row, !lastStep);
            }
        }
        for (PairCursor cursor : seen) {
            if (cursor.trade != null) {
                pairStep.exits().forceExit(cursor);
            }
        }
        return book.result();
    }

    /**
     * Pairs with open trades first (in trade-opening order), then the whitelist: {@code dict.fromkeys(open + pairs)}.
     * Built with a mark per cursor instead of a set: this runs once per candle time. A new list each time: it is
     * young and small, while writing into a long-lived one costs G1 write-barrier work on every step.
     */
    private static List<PairCursor> visitingOrder(Book book, Map<String, PairCursor> byPair,
                                                  List<PairCursor> cursors) {
        if (book.open.isEmpty()) {
            return cursors;
        }
        List<PairCursor> order = new ArrayList<>(cursors.size());
        for (RunningTrade trade : book.open) {
            PairCursor c = byPair.get(trade.pair);
            if (!c.listedFirst) {
                c.listedFirst = true;
                order.add(c);
            }
        }
        for (PairCursor c : cursors) {
            if (c.listedFirst) {
                c.listedFirst = false;  // cleared for the next time step
            } else {
                order.add(c);
            }
        }
        return order;
    }

    private List<PairCursor> cursors(List<PairData> whitelist) {
        if (whitelist == null || whitelist.isEmpty()) {
            throw new IllegalArgumentException("the whitelist needs at least one pair");
        }
        Duration timeframe = whitelist.getFirst().candles().timeframe();
        long step = timeframe.toMillis();
        Long grid = null;
        Set<String> names = new LinkedHashSet<>();
        List<PairCursor> cursors = new ArrayList<>();
        for (PairData data : whitelist) {
            if (data == null) {
                throw new IllegalArgumentException("whitelist entry " + cursors.size() + " is null");
            }
            if (!names.add(data.pair())) {
                throw new IllegalArgumentException("pair " + data.pair() + " is listed twice in the whitelist");
            }
            if (!data.candles().timeframe().equals(timeframe)) {
                throw new IllegalArgumentException("pair " + data.pair() + " has timeframe "
                        + data.candles().timeframe() + " but " + whitelist.getFirst().pair() + " has " + timeframe
                        + "; all pairs of a backtest share one timeframe");
            }
            if (data.candles().size() > 0) {
                long phase = Math.floorMod(data.candles().openTime()[0], step);
                if (grid != null && phase != grid) {
                    throw new IllegalArgumentException("pair " + data.pair() + ": candle open times are not aligned "
                            + "with " + whitelist.getFirst().pair() + "'s (offset " + phase + " ms vs " + grid + " ms)");
                }
                grid = phase;
            }
            cursors.add(new PairCursor(data, settings));
        }
        return cursors;
    }
}
