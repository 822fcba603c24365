package dev.botfleet.engine.indicator;

/**
 * A streaming indicator: it sees one candle at a time, does O(1) work per candle and allocates nothing after
 * construction. {@link #value()} is {@code NaN} until the indicator has seen enough candles ({@link #isReady()}).
 * Inputs must be finite (the loaders guarantee it for candles): a NaN would poison running sums until {@link #reset()}.
 * Not thread-safe: a bot's indicators are updated by its single writer.
 */
public interface Indicator {

    /** The current main output, {@code NaN} while not ready. */
    double value();

    boolean isReady();

    /** Forgets everything seen, as if just constructed. */
    void reset();
}
