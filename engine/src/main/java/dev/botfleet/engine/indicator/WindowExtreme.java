package dev.botfleet.engine.indicator;

/**
 * Sliding-window maximum or minimum with a monotonic deque stored in two ring arrays: every value enters and leaves
 * the deque once, so the amortized cost per update is O(1). The deque never holds more than {@code period} entries.
 */
final class WindowExtreme {
    private final int period;
    private final boolean maximum;
    private final double[] values;
    private final long[] positions;
    private int head;
    private int size;
    private long seen;

    WindowExtreme(int period, boolean maximum) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        this.period = period;
        this.maximum = maximum;
        this.values = new double[period];
        this.positions = new long[period];
    }

    double update(double x) {
        long position = seen++;
        // drop candidates the new value dominates: they can never be the extreme again
        while (size > 0 && dominated(values[index(size - 1)], x)) {
            size--;
        }
        if (size > 0 && positions[head] <= position - period) {
            head = index(1);
            size--;
        }
        int tail = index(size);
        values[tail] = x;
        positions[tail] = position;
        size++;
        return value();
    }

    private boolean dominated(double candidate, double x) {
        return maximum ? candidate <= x : candidate >= x;
    }

    private int index(int offset) {
        int i = head + offset;
        return i >= period ? i - period : i;
    }

    double value() {
        return isReady() ? values[head] : Double.NaN;
    }

    boolean isReady() {
        return seen >= period;
    }

    void reset() {
        head = 0;
        size = 0;
        seen = 0;
    }
}
