package dev.botfleet.engine.backtest.freqtrade.protections;

/**
 * A pair lock (Freqtrade's {@code PairLock}): no entry on {@code pair} (every pair when {@code "*"}) on the given side
 * while the entry candle's time is {@code <= until}.
 *
 * @param pair   the locked pair, or {@code "*"} for a global lock
 * @param from   when the lock was set (the exit time that triggered it), epoch ms
 * @param until  {@code lock_end_time}: the protection's end time rounded up to the next candle boundary, epoch ms.
 *               Still locked at exactly this time (Freqtrade's backtest compares {@code lock_end_time >= now})
 * @param reason Freqtrade's lock reason text
 * @param side   {@code "*"} (both sides), {@code "long"} or {@code "short"}
 */
public record Lock(String pair, long from, long until, String reason, String side) {

    /** The pair of a global lock. */
    public static final String ALL_PAIRS = "*";
}
