package dev.botfleet.engine.backtest.freqtrade;

/** What a callback may read about the trade it is asked about (Freqtrade's {@code trade} argument, read-only). */
public interface TradeView {

    /** The pair traded. */
    String pair();

    /** Open time of the candle the entry order was placed on, epoch milliseconds. */
    long openTime();

    /** Entry price: the first entry order's price until an entry order fills, then the fill price. */
    double openRate();

    /** Filled quantity (0 until the entry order fills). */
    double amount();

    double leverage();

    boolean isShort();

    /** The {@code enter_tag} of the signal that opened the trade, or null. */
    String enterTag();

    /** Current stop price. */
    double stopLoss();

    /** Profit ratio if the trade closed at {@code rate} now (fees on both sides, rounded to 8 decimals). */
    double profitRatioAt(double rate);
}
