package dev.botfleet.engine.indicator;

/** Runs a streaming indicator over whole arrays, for vectorised use (strategy warm-up, tests, research). */
public final class Indicators {
    private Indicators() {
    }

    /** The indicator's value after each input; NaN where it was not ready. Continues from the indicator's state. */
    public static double[] values(ValueIndicator indicator, double[] inputs) {
        double[] out = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            out[i] = indicator.update(inputs[i]);
        }
        return out;
    }

    /** The indicator's value after each candle; NaN where it was not ready. */
    public static double[] values(CandleIndicator indicator, double[] highs, double[] lows, double[] closes) {
        if (highs.length != lows.length || lows.length != closes.length) {
            throw new IllegalArgumentException("highs, lows and closes differ in length: " + highs.length + ", "
                    + lows.length + ", " + closes.length);
        }
        double[] out = new double[closes.length];
        for (int i = 0; i < closes.length; i++) {
            out[i] = indicator.update(highs[i], lows[i], closes[i]);
        }
        return out;
    }
}
