package dev.botfleet.engine.backtest.freqtrade;

/**
 * The strategy callbacks Freqtrade's backtester consults, as functional interfaces. A callback returning null means
 * what Freqtrade's {@code None} means for that callback (documented per interface). Times are epoch milliseconds of
 * the candle being processed.
 */
public record FreqtradeCallbacks(
        CustomEntryPrice customEntryPrice,
        CustomExitPrice customExitPrice,
        AdjustEntryPrice adjustEntryPrice,
        CustomStoploss customStoploss,
        CustomExit customExit) {

    public FreqtradeCallbacks {
        customEntryPrice = customEntryPrice != null ? customEntryPrice : (time, proposed, tag, isShort) -> proposed;
        customExitPrice = customExitPrice != null ? customExitPrice : (trade, time, proposed, profit, reason) -> proposed;
        adjustEntryPrice = adjustEntryPrice != null
                ? adjustEntryPrice
                : (trade, time, proposed, currentOrderRate) -> currentOrderRate;
        customExit = customExit != null ? customExit : (trade, time, rate, profit) -> null;
        // customStoploss stays null: FreqtradeBacktest then uses the strategy stoploss, as IStrategy's default does.
    }

    /** No callbacks overridden: Freqtrade's defaults. */
    public static FreqtradeCallbacks defaults() {
        return new FreqtradeCallbacks(null, null, null, null, null);
    }

    public FreqtradeCallbacks withCustomEntryPrice(CustomEntryPrice c) {
        return new FreqtradeCallbacks(c, customExitPrice, adjustEntryPrice, customStoploss, customExit);
    }

    public FreqtradeCallbacks withCustomExitPrice(CustomExitPrice c) {
        return new FreqtradeCallbacks(customEntryPrice, c, adjustEntryPrice, customStoploss, customExit);
    }

    public FreqtradeCallbacks withAdjustEntryPrice(AdjustEntryPrice c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, c, customStoploss, customExit);
    }

    public FreqtradeCallbacks withCustomStoploss(CustomStoploss c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, adjustEntryPrice, c, customExit);
    }

    public FreqtradeCallbacks withCustomExit(CustomExit c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, adjustEntryPrice, customStoploss, c);
    }

    /** {@code custom_entry_price}: the limit price for a new entry; null keeps the proposed rate (the candle open). */
    @FunctionalInterface
    public interface CustomEntryPrice {
        Double price(long time, double proposedRate, String enterTag, boolean isShort);
    }

    /** {@code custom_exit_price}, for exit-signal and custom exits only; null keeps the proposed rate (the open). */
    @FunctionalInterface
    public interface CustomExitPrice {
        Double price(TradeView trade, long time, double proposedRate, double currentProfit, String exitReason);
    }

    /**
     * {@code adjust_entry_price}, asked on each later candle while the entry order is unfilled and not timed out.
     * Returning {@code currentOrderRate} keeps the order, another price replaces it, null cancels it.
     */
    @FunctionalInterface
    public interface AdjustEntryPrice {
        Double price(TradeView trade, long time, double proposedRate, double currentOrderRate);
    }

    /**
     * {@code custom_stoploss}, consulted only when {@link FreqtradeSettings#useCustomStoploss()}; evaluated at the
     * candle high (long) / low (short). Returns a (negative) stoploss ratio relative to {@code currentRate}; null or 0
     * leaves the stop unchanged.
     */
    @FunctionalInterface
    public interface CustomStoploss {
        Double stoploss(TradeView trade, long time, double currentRate, double currentProfit);
    }

    /** {@code custom_exit}: a non-empty reason exits at the candle open (when exit signals are used); null does not. */
    @FunctionalInterface
    public interface CustomExit {
        String reason(TradeView trade, long time, double currentRate, double currentProfit);
    }
}
