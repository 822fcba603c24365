package dev.botfleet.engine.backtest.freqtrade;

/** One backtest row: a candle's prices and time (the signals travel separately, already shifted). */
record Row(int index, long time, double open, double high, double low, double close) {

    boolean contains(double price) {
        return low <= price && price <= high;
    }
}
