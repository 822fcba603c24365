package dev.botfleet.engine.indicator;

/** An indicator of a candle's high, low and close (ranges, directional movement, stochastics). */
public interface CandleIndicator extends Indicator {

    /** Feeds the next candle and returns the new {@link #value()} (NaN while not ready). */
    double update(double high, double low, double close);
}
