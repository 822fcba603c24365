package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.Warmup;
import dev.botfleet.engine.strategy.WarmupProgress;

import java.util.List;

/**
 * Counts the candles a bot's strategy has been handed (history at start, then live) against its {@link Warmup},
 * in candles of the warm-up's timeframe (five 1m candles make one 5m candle). Written on the bot's turn; read from
 * any thread (the API shows the progress), hence the volatile snapshot.
 */
final class WarmupTracker {
    private final Warmup warmup;
    private double receivedCandles;
    private volatile WarmupProgress progress;

    WarmupTracker(Warmup warmup) {
        this.warmup = warmup;
        this.progress = new WarmupProgress(warmup.candles(), 0);
    }

    /** @return true if this candle moved the progress (the listener is told then) */
    boolean count(Candle candle) {
        if (progress.ready()) return false;
        long wanted = warmup.timeframe().millis();
        long given = candle.timeframe().millis();
        if (given > wanted) return false;  // a longer candle cannot be split into the strategy's timeframe
        receivedCandles += (double) given / wanted;
        int received = (int) Math.min(warmup.candles(), Math.floor(receivedCandles + 1e-9));
        if (received == progress.received()) return false;
        progress = new WarmupProgress(warmup.candles(), received);
        return true;
    }

    /**
     * Hands the strategy its history at start, on the bot's turn: only candles complete by the kernel's clock (never
     * a look ahead), with orders refused meanwhile; then says in the activity log how the warm-up stands.
     */
    void replay(BotKernel k, List<Candle> history) {
        k.inHistory = true;
        try {
            for (Candle candle : history) {
                if (candle.closeTime() > k.nowMillis) continue;
                k.strategy.onHistory(k.context, candle);
                k.countWarmup(candle);
            }
        } finally {
            k.inHistory = false;
        }
        WarmupProgress p = progress;
        if (p.needed() == 0) return;
        if (p.ready()) {
            k.activity(ActivityLevel.INFO, "Warmed up on " + p.received() + " past candles");
        } else {
            k.activity(ActivityLevel.WARNING, "Warming up: " + p.received() + " of " + p.needed()
                    + " candles of history; the strategy waits for the rest live");
        }
    }

    WarmupProgress progress() {
        return progress;
    }
}
