package dev.botfleet.engine.backtest.freqtrade;

/**
 * The hook for Freqtrade's protections (pair and global locks). The backtest asks {@link #locked} before every
 * entry, and reports every closed trade to {@link #onExit} right after its exit filled, and every partial exit to
 * {@link #onPartialExit} — where Freqtrade runs {@code run_protections} (backtesting.py _process_exit_order runs it
 * after every exit fill, partial or not). Implementations may keep state; one instance serves one backtest run.
 */
public interface PairLocks {

    /** No protections: nothing is ever locked. */
    PairLocks NONE = new PairLocks() {
        @Override
        public boolean locked(String pair, long now, boolean isShort) {
            return false;
        }

        @Override
        public void onExit(String pair, FreqtradeTrade trade, long now) {
        }
    };

    /** True when {@code pair} (or every pair) may not open a trade in direction {@code isShort} at {@code now}. */
    boolean locked(String pair, long now, boolean isShort);

    /** {@code trade} on {@code pair} was just closed at {@code now} (epoch ms, the candle time of the exit fill). */
    void onExit(String pair, FreqtradeTrade trade, long now);

    /**
     * A partial exit of the still-open trade on {@code pair} filled at {@code now}: no trade closed, but the
     * protections run again with the lookback window moved on, so they can lock.
     */
    default void onPartialExit(String pair, boolean isShort, long now) {
    }
}
