package dev.botfleet.ml.candles;

/**
 * The last {@code capacity} closed 1-second candles, oldest first: what a feature set reads. A ring buffer of
 * primitive columns, so pushing a candle and reading the window allocate nothing (features are computed every
 * couple of seconds for thousands of bots).
 *
 * <p>Index 0 is the oldest candle kept, {@code size() - 1} the newest. Not thread-safe: one bot's turn at a time.
 */
public final class CandleWindow {

    private final int capacity;
    private final long[] second;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] buyVolume;
    private final double[] sellVolume;
    private final double[] quoteVolume;
    private int start;
    private int size;

    public CandleWindow(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a candle window holds at least 2 candles, was " + capacity);
        }
        this.capacity = capacity;
        second = new long[capacity];
        open = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        close = new double[capacity];
        buyVolume = new double[capacity];
        sellVolume = new double[capacity];
        quoteVolume = new double[capacity];
    }

    /** Adds the newest candle, dropping the oldest when full. Candles must come in time order. */
    public void push(OneSecondCandle c) {
        if (size > 0 && c.second() <= second(size - 1)) {
            throw new IllegalArgumentException("candle at " + c.second() + " is not after the window's newest, "
                    + second(size - 1));
        }
        int slot;
        if (size < capacity) {
            slot = (start + size) % capacity;
            size++;
        } else {
            slot = start;
            start = (start + 1) % capacity;
        }
        second[slot] = c.second();
        open[slot] = c.open();
        high[slot] = c.high();
        low[slot] = c.low();
        close[slot] = c.close();
        buyVolume[slot] = c.buyVolume();
        sellVolume[slot] = c.sellVolume();
        quoteVolume[slot] = c.quoteVolume();
    }

    public int capacity() { return capacity; }

    public int size() { return size; }

    public boolean isFull() { return size == capacity; }

    private int slot(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("candle " + i + " of a window of " + size);
        }
        return (start + i) % capacity;
    }

    public long second(int i) { return second[slot(i)]; }

    public double open(int i) { return open[slot(i)]; }

    public double high(int i) { return high[slot(i)]; }

    public double low(int i) { return low[slot(i)]; }

    public double close(int i) { return close[slot(i)]; }

    public double buyVolume(int i) { return buyVolume[slot(i)]; }

    public double sellVolume(int i) { return sellVolume[slot(i)]; }

    public double volume(int i) {
        int s = slot(i);
        return buyVolume[s] + sellVolume[s];
    }

    public double quoteVolume(int i) { return quoteVolume[slot(i)]; }
}
