package dev.botfleet.engine.indicator;

/**
 * Average directional index with +DI and -DI, Wilder's smoothing, seeded exactly as TA-Lib's {@code TA_ADX},
 * {@code TA_PLUS_DI} and {@code TA_MINUS_DI}: directional movement and true range are summed over candles
 * 2..{@code period}, then smoothed as {@code s - s/period + x}; +DI/-DI are ready with candle {@code period + 1}, the
 * first ADX is the average of the next {@code period} DX values (ready with candle {@code 2·period}), later ones
 * {@code (adx * (period - 1) + dx) / period}. A candle whose DX is undefined leaves the ADX unchanged, as in TA-Lib.
 *
 * <p>"Is zero" for the smoothed true range and for +DI + -DI follows the {@link ZeroPolicy} (exact by default).
 */
public final class Adx implements CandleIndicator {
    private final int period;
    private final ZeroPolicy zero;
    private int count;
    private double previousHigh;
    private double previousLow;
    private double previousClose;
    private double plusDm;
    private double minusDm;
    private double trueRange;
    private double dxSum;
    private double plusDi = Double.NaN;
    private double minusDi = Double.NaN;
    private double adx = Double.NaN;

    public Adx(int period) {
        this(period, ZeroPolicy.EXACT);
    }

    public Adx(int period, ZeroPolicy zero) {
        if (period < 2) {
            throw new IllegalArgumentException("period must be >= 2, was " + period);
        }
        this.period = period;
        this.zero = zero;
    }

    @Override
    public double update(double high, double low, double close) {
        if (count == 0) {
            count = 1;
            remember(high, low, close);
            return adx;
        }
        double up = high - previousHigh;
        double down = previousLow - low;
        double range = TrueRange.of(high, low, previousClose);
        remember(high, low, close);
        boolean minusMove = down > 0 && up < down;
        boolean plusMove = !minusMove && up > 0 && up > down;
        if (count < period) {
            if (minusMove) {
                minusDm += down;
            } else if (plusMove) {
                plusDm += up;
            }
            trueRange += range;
            count++;
            return adx;
        }
        minusDm -= minusDm / period;
        plusDm -= plusDm / period;
        if (minusMove) {
            minusDm += down;
        } else if (plusMove) {
            plusDm += up;
        }
        trueRange = trueRange - (trueRange / period) + range;
        double dx = Double.NaN;
        if (!zero.isZero(trueRange)) {
            minusDi = 100.0 * (minusDm / trueRange);
            plusDi = 100.0 * (plusDm / trueRange);
            double sum = minusDi + plusDi;
            if (!zero.isZero(sum)) {
                dx = 100.0 * (Math.abs(minusDi - plusDi) / sum);
            }
        } else {
            minusDi = 0.0;
            plusDi = 0.0;
        }
        if (count < 2 * period - 1) {
            if (!Double.isNaN(dx)) {
                dxSum += dx;
            }
            count++;
        } else if (count == 2 * period - 1) {
            if (!Double.isNaN(dx)) {
                dxSum += dx;
            }
            adx = dxSum / period;
            count++;
        } else if (!Double.isNaN(dx)) {
            adx = ((adx * (period - 1)) + dx) / period;
        }
        return adx;
    }

    private void remember(double high, double low, double close) {
        previousHigh = high;
        previousLow = low;
        previousClose = close;
    }

    /** The ADX; NaN until {@code 2·period} candles were seen. */
    @Override
    public double value() {
        return adx;
    }

    public double adx() {
        return adx;
    }

    /** +DI; NaN until {@code period + 1} candles were seen. */
    public double plusDi() {
        return plusDi;
    }

    /** -DI; NaN until {@code period + 1} candles were seen. */
    public double minusDi() {
        return minusDi;
    }

    public boolean isDiReady() {
        return count >= period && !Double.isNaN(plusDi);
    }

    @Override
    public boolean isReady() {
        return count >= 2 * period;
    }

    @Override
    public void reset() {
        count = 0;
        previousHigh = 0;
        previousLow = 0;
        previousClose = 0;
        plusDm = 0;
        minusDm = 0;
        trueRange = 0;
        dxSum = 0;
        plusDi = Double.NaN;
        minusDi = Double.NaN;
        adx = Double.NaN;
    }
}
