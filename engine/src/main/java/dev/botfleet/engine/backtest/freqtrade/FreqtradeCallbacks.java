package dev.botfleet.engine.backtest.freqtrade;

/**
 * The strategy callbacks Freqtrade's backtester consults, as functional interfaces. A callback returning null means
 * what Freqtrade's {@code None} means for that callback (documented per interface). Times are epoch milliseconds of
 * the candle being processed. Immutable: build from {@link #defaults()} with the {@code withX} methods.
 */
public final class FreqtradeCallbacks {

    private final CustomEntryPrice customEntryPrice;
    private final CustomExitPrice customExitPrice;
    private final AdjustEntryPrice adjustEntryPrice;
    private final CustomStoploss customStoploss;
    private final CustomExit customExit;
    private final CustomStakeAmount customStakeAmount;
    private final ConfirmTradeEntry confirmTradeEntry;
    private final ConfirmTradeExit confirmTradeExit;
    private final Leverage leverage;
    private final AdjustTradePosition adjustTradePosition;

    private FreqtradeCallbacks(CustomEntryPrice customEntryPrice, CustomExitPrice customExitPrice,
                               AdjustEntryPrice adjustEntryPrice, CustomStoploss customStoploss, CustomExit customExit,
                               CustomStakeAmount customStakeAmount, ConfirmTradeEntry confirmTradeEntry,
                               ConfirmTradeExit confirmTradeExit, Leverage leverage,
                               AdjustTradePosition adjustTradePosition) {
        this.customEntryPrice = customEntryPrice;
        this.customExitPrice = customExitPrice;
        this.adjustEntryPrice = adjustEntryPrice;
        this.customStoploss = customStoploss;
        this.customExit = customExit;
        this.customStakeAmount = customStakeAmount;
        this.confirmTradeEntry = confirmTradeEntry;
        this.confirmTradeExit = confirmTradeExit;
        this.leverage = leverage;
        this.adjustTradePosition = adjustTradePosition;
    }

    /** No callbacks overridden: Freqtrade's defaults. */
    public static FreqtradeCallbacks defaults() {
        return new FreqtradeCallbacks(
                (time, proposed, tag, isShort) -> proposed,
                (trade, time, proposed, profit, reason) -> proposed,
                (trade, time, proposed, currentOrderRate) -> currentOrderRate,
                null, // customStoploss: null makes the backtest use the strategy stoploss, as IStrategy's default does
                (trade, time, rate, profit) -> null,
                (pair, time, rate, proposed, min, max, lev, tag, isShort) -> proposed,
                (pair, type, amount, rate, time, tag, isShort) -> true,
                (trade, type, amount, rate, reason, time) -> true,
                null, // leverage: null means the configured FreqtradeSettings.leverage()
                (trade, time, rate, profit, min, max) -> null);
    }

    public CustomEntryPrice customEntryPrice() { return customEntryPrice; }
    public CustomExitPrice customExitPrice() { return customExitPrice; }
    public AdjustEntryPrice adjustEntryPrice() { return adjustEntryPrice; }
    /** Null unless set: the strategy's {@code stoploss} applies. */
    public CustomStoploss customStoploss() { return customStoploss; }
    public CustomExit customExit() { return customExit; }
    public CustomStakeAmount customStakeAmount() { return customStakeAmount; }
    public ConfirmTradeEntry confirmTradeEntry() { return confirmTradeEntry; }
    public ConfirmTradeExit confirmTradeExit() { return confirmTradeExit; }
    /** Null unless set: {@link FreqtradeSettings#leverage()} is what the strategy's {@code leverage()} returns. */
    public Leverage leverage() { return leverage; }
    public AdjustTradePosition adjustTradePosition() { return adjustTradePosition; }

    public FreqtradeCallbacks withCustomEntryPrice(CustomEntryPrice c) {
        return new FreqtradeCallbacks(require(c), customExitPrice, adjustEntryPrice, customStoploss, customExit,
                customStakeAmount, confirmTradeEntry, confirmTradeExit, leverage, adjustTradePosition);
    }

    public FreqtradeCallbacks withCustomExitPrice(CustomExitPrice c) {
        return new FreqtradeCallbacks(customEntryPrice, require(c), adjustEntryPrice, customStoploss, customExit,
                customStakeAmount, confirmTradeEntry, confirmTradeExit, leverage, adjustTradePosition);
    }

    public FreqtradeCallbacks withAdjustEntryPrice(AdjustEntryPrice c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, require(c), customStoploss, customExit,
                customStakeAmount, confirmTradeEntry, confirmTradeExit, leverage, adjustTradePosition);
    }

    /** May be null: back to the strategy stoploss. */
    public FreqtradeCallbacks withCustomStoploss(CustomStoploss c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, adjustEntryPrice, c, customExit,
                customStakeAmount, confirmTradeEntry, confirmTradeExit, leverage, adjustTradePosition);
    }

    public FreqtradeCallbacks withCustomExit(CustomExit c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, adjustEntryPrice, customStoploss, require(c),
                customStakeAmount, confirmTradeEntry, confirmTradeExit, leverage, adjustTradePosition);
    }

    public FreqtradeCallbacks withCustomStakeAmount(CustomStakeAmount c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, adjustEntryPrice, customStoploss, customExit,
                require(c), confirmTradeEntry, confirmTradeExit, leverage, adjustTradePosition);
    }

    public FreqtradeCallbacks withConfirmTradeEntry(ConfirmTradeEntry c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, adjustEntryPrice, customStoploss, customExit,
                customStakeAmount, require(c), confirmTradeExit, leverage, adjustTradePosition);
    }

    public FreqtradeCallbacks withConfirmTradeExit(ConfirmTradeExit c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, adjustEntryPrice, customStoploss, customExit,
                customStakeAmount, confirmTradeEntry, require(c), leverage, adjustTradePosition);
    }

    /** May be null: back to {@link FreqtradeSettings#leverage()}. */
    public FreqtradeCallbacks withLeverage(Leverage c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, adjustEntryPrice, customStoploss, customExit,
                customStakeAmount, confirmTradeEntry, confirmTradeExit, c, adjustTradePosition);
    }

    public FreqtradeCallbacks withAdjustTradePosition(AdjustTradePosition c) {
        return new FreqtradeCallbacks(customEntryPrice, customExitPrice, adjustEntryPrice, customStoploss, customExit,
                customStakeAmount, confirmTradeEntry, confirmTradeExit, leverage, require(c));
    }

    private static <T> T require(T callback) {
        if (callback == null) {
            throw new IllegalArgumentException("callback must not be null; use FreqtradeCallbacks.defaults() for "
                    + "Freqtrade's default behaviour");
        }
        return callback;
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

    /**
     * {@code custom_stake_amount} for a new trade. {@code maxStake} is the available balance, {@code minStake} the
     * market minimum (0: no market limits are modelled). The result is then validated as Freqtrade's
     * {@code validate_stake_amount} does: null, 0 or negative means no trade, more than the available balance is cut
     * to it.
     */
    @FunctionalInterface
    public interface CustomStakeAmount {
        Double stake(String pair, long time, double currentRate, double proposedStake, double minStake,
                     double maxStake, double leverage, String entryTag, boolean isShort);
    }

    /**
     * {@code confirm_trade_entry}, asked last, with the final amount and rate. False: no trade, and the signal is not
     * counted as rejected (Freqtrade counts only signals refused for lack of a slot).
     */
    @FunctionalInterface
    public interface ConfirmTradeEntry {
        boolean confirm(String pair, OrderType orderType, double amount, double rate, long time, String entryTag,
                        boolean isShort);
    }

    /**
     * {@code confirm_trade_exit} for every exit except force exits (end of the backtest) and partial exits. False:
     * this exit reason is skipped on this candle and the next candidate (e.g. the stoploss after a refused exit
     * signal) is tried, as in Freqtrade's loop over {@code should_exit}'s results.
     */
    @FunctionalInterface
    public interface ConfirmTradeExit {
        boolean confirm(TradeView trade, OrderType orderType, double amount, double rate, String exitReason, long time);
    }

    /**
     * {@code leverage()} for a new trade outside spot mode; clamped to [1, maxLeverage]. Null = 1.0 (Freqtrade's
     * default return value).
     */
    @FunctionalInterface
    public interface Leverage {
        Double leverage(String pair, long time, double currentRate, double proposedLeverage, double maxLeverage,
                        String entryTag, boolean isShort);
    }

    /**
     * {@code adjust_trade_position} (only with {@link FreqtradeSettings#positionAdjustmentEnable()}), asked on every
     * exit check at the candle open, before the exit rules. A positive stake adds an entry, a negative one exits that
     * much stake; null or 0 does nothing.
     */
    @FunctionalInterface
    public interface AdjustTradePosition {
        PositionChange adjust(TradeView trade, long time, double currentRate, double currentProfit, double minStake,
                              double maxStake);
    }

    /** What {@link AdjustTradePosition} returns: a stake (positive = buy more, negative = sell) and an order tag. */
    public record PositionChange(double stake, String tag) {
        public static PositionChange of(double stake) {
            return new PositionChange(stake, null);
        }
    }
}
