package dev.botfleet.engine.indicator;

/** TA-Lib's true range arithmetic (three differences, largest wins), shared so ATR and ADX round alike. */
final class TrueRange {
    private TrueRange() {
    }

    static double of(double high, double low, double previousClose) {
        double range = high - low;
        double up = Math.abs(high - previousClose);
        if (up > range) {
            range = up;
        }
        double down = Math.abs(low - previousClose);
        if (down > range) {
            range = down;
        }
        return range;
    }
}
