package dev.botfleet.engine.indicator;

/**
 * MACD as TA-Lib's {@code TA_MACD}: the line is fast EMA - slow EMA, the signal an EMA of the line, the histogram
 * line - signal. TA-Lib starts the fast EMA so that it is seeded on the same candle as the slow one (its seed is the
 * average of the {@code fast} inputs ending there), not at the first input; this class does the same by withholding
 * the first {@code slow - fast} inputs from the fast EMA. All three outputs become ready together, with input
 * {@code slow + signal - 1}, as in TA-Lib.
 */
public final class Macd implements ValueIndicator {
    private final int fastPeriod;
    private final int slowPeriod;
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    /** Inputs withheld from the fast EMA so far (saturates at slow - fast). */
    private int withheld;
    private double line = Double.NaN;
    private double histogram = Double.NaN;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod < 2 || slowPeriod <= fastPeriod || signalPeriod < 1) {
            throw new IllegalArgumentException("need 2 <= fast < slow and signal >= 1, was fast=" + fastPeriod
                    + " slow=" + slowPeriod + " signal=" + signalPeriod);
        }
        this.fastPeriod = fastPeriod;
        this.slowPeriod = slowPeriod;
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.signal = new Ema(signalPeriod);
    }

    /** The usual 12/26/9. */
    public static Macd standard() {
        return new Macd(12, 26, 9);
    }

    @Override
    public double update(double x) {
        slow.update(x);
        if (withheld < slowPeriod - fastPeriod) {
            withheld++;
        } else {
            fast.update(x);
        }
        if (!slow.isReady()) {
            return Double.NaN;
        }
        double currentLine = fast.value() - slow.value();
        signal.update(currentLine);
        if (signal.isReady()) {
            line = currentLine;
            histogram = currentLine - signal.value();
        }
        return line;
    }

    /** The MACD line (fast EMA - slow EMA); NaN until the signal is ready too. */
    @Override
    public double value() {
        return line;
    }

    public double signal() {
        return signal.value();
    }

    public double histogram() {
        return histogram;
    }

    @Override
    public boolean isReady() {
        return signal.isReady();
    }

    @Override
    public void reset() {
        fast.reset();
        slow.reset();
        signal.reset();
        withheld = 0;
        line = Double.NaN;
        histogram = Double.NaN;
    }
}
