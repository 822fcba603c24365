package dev.botfleet.ml.candles;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Aggregates a trade stream into 1-second candles and keeps the last {@code windowSeconds} of them in a
 * {@link CandleWindow} (default 60). Live bots, backtests and training all go through this class, so the same
 * trades give the same candles everywhere.
 *
 * <p>A second closes when a trade of a later second arrives or when {@link #advanceTo} passes its end. Seconds
 * without trades between two traded seconds are carried (see {@link OneSecondCandle#carried}); before the first
 * trade there is nothing to carry, so nothing is emitted. A trade older than the open second (out of order) cannot
 * change a closed candle: it is dropped and counted in {@link #droppedTrades()}.
 */
public final class OneSecondCandles {

    public static final int DEFAULT_WINDOW_SECONDS = 60;

    private final CandleWindow window;
    private final Consumer<OneSecondCandle> onClose;

    private boolean open;
    private long second;
    private double o;
    private double h;
    private double l;
    private double c;
    private double buy;
    private double sell;
    private double quote;
    private int trades;
    private boolean anyClosed;
    private long lastClosedSecond;
    private double lastClose;
    private long droppedTrades;

    public OneSecondCandles() {
        this(DEFAULT_WINDOW_SECONDS, candle -> { });
    }

    /** @param onClose told of every closed candle, carried ones included, in time order (training collects them) */
    public OneSecondCandles(int windowSeconds, Consumer<OneSecondCandle> onClose) {
        this.window = new CandleWindow(windowSeconds);
        this.onClose = onClose;
    }

    /** All 1-second candles of a time-ordered trade list, up to the second of the last trade (closed). */
    public static List<OneSecondCandle> of(List<Trade> trades) {
        List<OneSecondCandle> out = new ArrayList<>();
        OneSecondCandles candles = new OneSecondCandles(2, out::add);
        trades.forEach(candles::onTrade);
        if (!trades.isEmpty()) {
            candles.advanceTo(secondOf(trades.getLast().time()) + 1000);
        }
        return out;
    }

    static long secondOf(long time) {
        return Math.floorDiv(time, 1000L) * 1000L;
    }

    public void onTrade(Trade t) {
        long s = secondOf(t.time());
        if (open && s < second || !open && anyClosed && s <= lastClosedSecond) {
            droppedTrades++;
            return;
        }
        if (open && s > second) {
            closeOpenSecond();
        }
        if (!open) {
            carryUpTo(s);
            open = true;
            second = s;
            o = h = l = c = t.price();
            buy = sell = quote = 0;
            trades = 0;
        }
        h = Math.max(h, t.price());
        l = Math.min(l, t.price());
        c = t.price();
        if (t.side() == TradeSide.BUY) buy += t.quantity();
        else sell += t.quantity();
        quote += t.price() * t.quantity();
        trades++;
    }

    /**
     * Closes every second that ended at or before {@code time} (epoch ms), carrying seconds without trades, so a
     * decision at {@code time} sees the window up to the last whole second.
     */
    public void advanceTo(long time) {
        long firstOpenSecond = secondOf(time); // the second containing `time` is still open
        if (open && second < firstOpenSecond) {
            closeOpenSecond();
        }
        if (!open && anyClosed) {
            carryUpTo(firstOpenSecond);
        }
    }

    private void closeOpenSecond() {
        emit(new OneSecondCandle(second, o, h, l, c, buy, sell, quote, trades));
        open = false;
    }

    /** Emits carried candles for the seconds after the last closed one and before {@code second}. */
    private void carryUpTo(long nextSecond) {
        if (!anyClosed) return;
        for (long s = lastClosedSecond + 1000; s < nextSecond; s += 1000) {
            emit(OneSecondCandle.carried(s, lastClose));
        }
    }

    private void emit(OneSecondCandle candle) {
        window.push(candle);
        anyClosed = true;
        lastClosedSecond = candle.second();
        lastClose = candle.close();
        onClose.accept(candle);
    }

    /** The closed candles kept, oldest first. */
    public CandleWindow window() { return window; }

    public long droppedTrades() { return droppedTrades; }
}
