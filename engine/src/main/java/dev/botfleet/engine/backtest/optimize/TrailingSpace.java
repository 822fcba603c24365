package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension.CategoricalDim;
import dev.botfleet.engine.backtest.optimize.Dimension.RealDim;

import java.util.List;
import java.util.Map;

/**
 * Freqtrade's default trailing-stop hyperspace (IHyperOpt.trailing_space). The offset must exceed the positive
 * trail, so the space searches the difference {@code trailing_stop_positive_offset_p1} (0.001..0.1) and
 * {@link #params} adds it back: offset = positive + p1, which is always above positive.
 * {@code trailing_stop} is the single value true: searching "off" would make the other three irrelevant.
 */
public final class TrailingSpace {
    private TrailingSpace() {
    }

    /** The trailing settings a trial's parameters stand for. */
    public record TrailingParams(boolean trailingStop, double trailingStopPositive, double trailingStopPositiveOffset,
                                 boolean trailingOnlyOffsetIsReached) {
        public TrailingParams {
            if (trailingStopPositiveOffset < trailingStopPositive) {
                throw new IllegalArgumentException("trailing_stop_positive_offset " + trailingStopPositiveOffset
                        + " is below trailing_stop_positive " + trailingStopPositive);
            }
        }
    }

    public static List<Dimension> dimensions() {
        return List.of(
                CategoricalDim.of("trailing_stop", true),
                new RealDim("trailing_stop_positive", 0.01, 0.35, 3),
                new RealDim("trailing_stop_positive_offset_p1", 0.001, 0.1, 3),
                CategoricalDim.of("trailing_only_offset_is_reached", true, false));
    }

    /** IHyperOpt.generate_trailing_params. */
    public static TrailingParams params(Map<String, Object> p) {
        return new TrailingParams(bool(p, "trailing_stop"), number(p, "trailing_stop_positive"),
                number(p, "trailing_stop_positive") + number(p, "trailing_stop_positive_offset_p1"),
                bool(p, "trailing_only_offset_is_reached"));
    }

    private static boolean bool(Map<String, Object> p, String key) {
        if (!(p.get(key) instanceof Boolean b)) throw new IllegalArgumentException(key + ": missing or not a boolean in " + p);
        return b;
    }

    private static double number(Map<String, Object> p, String key) {
        if (!(p.get(key) instanceof Number n)) throw new IllegalArgumentException(key + ": missing or not a number in " + p);
        return n.doubleValue();
    }
}
