package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Freqtrade's {@code ProtectionManager} with its backtest lock list, for one backtest run.
 * <p>
 * The loop calls {@link #onExit} after every trade closes (and {@link #onPartialExit} after a partial exit), at the
 * exit candle's time, as Freqtrade's {@code run_protections} does: every protection in list order may lock the
 * exited pair ({@code stop_per_pair}), then every protection may lock all pairs ({@code global_stop}). A lock is only
 * added when no lock on that pair (or a global one) for that side already reaches its end. Before an entry the loop
 * asks {@link #isLocked} with the entry candle's time. Locks end at the first candle boundary after the protection's
 * end time and still hold at exactly that boundary, so {@code stop_duration_candles: 2} on 5m candles after an exit
 * at 10:00 blocks entries through the 10:15 candle.
 * <p>
 * {@code --enable-protections}: Freqtrade evaluates (and even loads) protections only with that flag. Without it the
 * loop should build no manager at all, or one with an empty list (which never locks).
 */
public final class ProtectionManager {

    private final List<Protection> protections;
    private final LockBook book;
    private final TradeHistory history = new TradeHistory();

    /**
     * @param configs          the strategy's {@code protections}, in order; each is validated (see
     *                         {@link ProtectionConfig#validate(int)})
     * @param timeframeMinutes the strategy's candle length (candle-counted durations, lock rounding)
     * @param startingBalance  {@code dry_run_wallet}. Freqtrade 2024.10's MaxDrawdown sums profit ratios and does not
     *                         use it; it is checked and kept so a later balance-based drawdown needs no API change
     */
    public ProtectionManager(List<ProtectionConfig> configs, int timeframeMinutes, double startingBalance) {
        Objects.requireNonNull(configs, "configs");
        if (timeframeMinutes < 1) {
            throw new IllegalArgumentException("timeframeMinutes must be >= 1, was " + timeframeMinutes);
        }
        if (!(startingBalance > 0) || Double.isInfinite(startingBalance)) {
            throw new IllegalArgumentException("startingBalance must be a positive number, was " + startingBalance);
        }
        List<Protection> built = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            built.add(Protection.create(Objects.requireNonNull(configs.get(i), "protections[" + i + "]"), i,
                    timeframeMinutes));
        }
        this.protections = List.copyOf(built);
        this.book = new LockBook(timeframeMinutes);
    }

    /**
     * Evaluates the protections after {@code t} closed.
     *
     * @param t           the trade that just closed
     * @param closedSoFar every trade closed so far in this run, in closing order, ending with {@code t}
     * @param now         the exit time ({@code t.closeTime()} in a backtest), epoch ms
     */
    public void onExit(ClosedTrade t, List<ClosedTrade> closedSoFar, long now) {
        Objects.requireNonNull(t, "t");
        if (closedSoFar.isEmpty() || closedSoFar.get(closedSoFar.size() - 1) != t) {
            throw new IllegalArgumentException("closedSoFar must end with the trade that just closed ("
                    + t.pair() + " closed at " + t.closeTime() + ")");
        }
        evaluate(t.pair(), t.isShort(), closedSoFar, now);
    }

    /**
     * Evaluates the protections after a partial exit of a still-open trade on {@code pair}: Freqtrade runs them after
     * every exit fill, and with the window moved on they can lock although no trade closed.
     */
    public void onPartialExit(String pair, boolean isShort, List<ClosedTrade> closedSoFar, long now) {
        evaluate(Objects.requireNonNull(pair, "pair"), isShort, closedSoFar, now);
    }

    /** Whether an entry on {@code pair} and side is blocked at {@code now} (the entry candle's time, epoch ms). */
    public boolean isLocked(String pair, long now, boolean isShort) {
        return book.isPairLocked(pair, now, isShort ? "short" : "long");
    }

    /** Every lock set in this run, expired ones included, in the order they were set (Freqtrade's result "locks"). */
    public List<Lock> locks() {
        return book.all();
    }

    private void evaluate(String pair, boolean isShort, List<ClosedTrade> closedSoFar, long now) {
        history.update(Objects.requireNonNull(closedSoFar, "closedSoFar"));
        String side = isShort ? "short" : "long";
        for (Protection p : protections) {
            LockRequest request = p.stopPerPair(pair, now, side, history);
            if (request != null && !book.isPairLocked(pair, request.until(), request.side())) {
                book.lock(pair, request, now);
            }
        }
        for (Protection p : protections) {
            LockRequest request = p.globalStop(now, side, history);
            if (request != null && !book.isGlobalLock(request.until(), request.side())) {
                book.lock(Lock.ALL_PAIRS, request, now);
            }
        }
    }
}
