package dev.botfleet.engine.data;

import java.util.Arrays;

/**
 * Candles as read from a source, before the timeframe is known and gaps are filled. Every candle is checked as it is
 * added (finite prices, low <= open/close <= high, volume >= 0, strictly increasing open times), so an error
 * names the line or element it came from; the location of each candle is kept for errors found later (gaps).
 */
final class RawCandles {
    /** How a source names a place: CSV by 1-based line, JSON by 1-based element of the outer array. */
    enum Locator {
        LINE, ELEMENT;

        String describe(int location) {
            return this == LINE ? "line " + location : "element " + location + " (index " + (location - 1) + ")";
        }
    }

    final String source;
    final Locator locator;
    long[] openTime = new long[1024];
    double[] open = new double[1024];
    double[] high = new double[1024];
    double[] low = new double[1024];
    double[] close = new double[1024];
    double[] volume = new double[1024];
    int[] location = new int[1024];
    int size;
    private int nonPositivePrices;
    private String firstNonPositive;

    RawCandles(String source, Locator locator) {
        this.source = source;
        this.locator = locator;
    }

    CandleDataException error(int location, String problem) {
        return new CandleDataException(source, locator.describe(location), problem);
    }

    String where(int index) {
        return locator.describe(location[index]);
    }

    void add(int at, long time, double o, double h, double l, double c, double v) {
        notePositive(at, "open", o);
        notePositive(at, "high", h);
        notePositive(at, "low", l);
        notePositive(at, "close", c);
        if (!(v >= 0)) {
            throw error(at, "volume must be >= 0, was " + v);
        }
        if (h < l) {
            throw error(at, "high " + h + " is below low " + l);
        }
        if (o < l || o > h) {
            throw error(at, "open " + o + " is outside [low " + l + ", high " + h + "]");
        }
        if (c < l || c > h) {
            throw error(at, "close " + c + " is outside [low " + l + ", high " + h + "]");
        }
        if (size > 0) {
            long previous = openTime[size - 1];
            if (time == previous) {
                throw error(at, "duplicate timestamp " + time + " (same as " + where(size - 1) + ")");
            }
            if (time < previous) {
                throw error(at, "timestamps out of order: " + time + " comes after " + previous + " ("
                        + where(size - 1) + ")");
            }
        }
        if (size == openTime.length) {
            grow();
        }
        openTime[size] = time;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        location[size] = at;
        size++;
    }

    /**
     * Zero and negative prices are kept, as Freqtrade keeps them (its loaders do not check prices, and synthetic test
     * contours use them), but they are counted for one warning: ratios, fees and stakes built on them are meaningless.
     */
    private void notePositive(int at, String name, double price) {
        if (!(price > 0)) {
            if (nonPositivePrices == 0) {
                firstNonPositive = locator.describe(at) + ": " + name + " " + price;
            }
            nonPositivePrices++;
        }
    }

    /** Warnings about candles that were kept, e.g. zero or negative prices; empty for ordinary market data. */
    java.util.List<String> warnings() {
        if (nonPositivePrices == 0) {
            return java.util.List.of();
        }
        return java.util.List.of(source + ": " + nonPositivePrices + " zero or negative price(s), the first at "
                + firstNonPositive + "; kept as synthetic test data (Freqtrade keeps them too), but profit ratios"
                + " and fees on such prices mean nothing");
    }

    private void grow() {
        int capacity = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, openTime.length * 2L));
        openTime = Arrays.copyOf(openTime, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
        location = Arrays.copyOf(location, capacity);
    }

    /** A number field that must be finite; the message says which field and what was wrong. */
    double number(String text, int from, int to, String field, int at) {
        double value = NumberText.parseDecimal(text, from, to);
        if (Double.isNaN(value)) {
            String raw = text.substring(from, to);
            if (raw.isEmpty()) {
                throw error(at, field + " is empty");
            }
            String lower = raw.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("nan") || lower.equals("-nan") || lower.equals("+nan")) {
                throw error(at, field + " is NaN");
            }
            if (lower.endsWith("inf") || lower.endsWith("infinity")) {
                throw error(at, field + " is infinite (" + raw + ")");
            }
            throw error(at, field + " '" + abbreviate(raw) + "' is not a number");
        }
        if (Double.isInfinite(value)) {
            throw error(at, field + " is infinite (" + abbreviate(text.substring(from, to)) + ")");
        }
        return value;
    }

    static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }
}
