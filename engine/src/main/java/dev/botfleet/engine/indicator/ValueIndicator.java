package dev.botfleet.engine.indicator;

/** An indicator of one input series (usually the close; volume for a volume SMA, highs for {@link Highest}). */
public interface ValueIndicator extends Indicator {

    /** Feeds the next value and returns the new {@link #value()} (NaN while not ready). */
    double update(double value);
}
