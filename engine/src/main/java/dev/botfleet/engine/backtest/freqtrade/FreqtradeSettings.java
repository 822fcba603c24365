package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A Freqtrade configuration + strategy attributes, as far as they change backtest results. Names follow Freqtrade's
 * keys so users can copy their config across. Build with {@link #builder()}; every field has Freqtrade's default.
 *
 * @param stakeAmount           fixed {@code stake_amount} per trade, in the quote currency (ignored when unlimited)
 * @param unlimitedStake        {@code stake_amount: "unlimited"}: each entry stakes the available balance divided by
 *                              {@code max_open_trades}, so profits and losses compound
 * @param startingBalance       {@code dry_run_wallet}
 * @param tradableBalanceRatio  {@code tradable_balance_ratio}; the stake is capped by what it leaves available
 * @param fee                   fee ratio charged on the entry and again on the exit (0.001 = 0.1%)
 * @param stoploss              the strategy {@code stoploss}, a negative ratio (-0.10 = 10% below the entry)
 * @param trailingStopPositive  null when unset (Freqtrade's None)
 * @param entryTimeout          {@code unfilledtimeout.entry}; null = never times out
 * @param exitTimeout           {@code unfilledtimeout.exit}; null = never times out
 * @param maxOpenTrades         {@code max_open_trades}; -1 = unlimited, and so is 0 in a backtest, as in Freqtrade's
 *                              (a fixed stake trades without a slot limit; "unlimited" stakes need at least 1)
 * @param startupCandleCount    rows dropped from the start after signals were computed
 * @param priceTick             price precision (tick size) for custom prices and stops; null = no rounding
 * @param amountStep            amount precision (lot size), amounts are truncated to it; null = no rounding
 * @param leverage              what the strategy's {@code leverage()} returns; clamped to [1, maxLeverage]
 * @param positionAdjustmentEnable   {@code position_adjustment_enable}: ask {@code adjust_trade_position} each candle
 * @param maxEntryPositionAdjustment {@code max_entry_position_adjustment}: extra entries allowed; -1 = unlimited
 * @param crossMargin           {@code margin_mode: "cross"}: futures trades get no liquidation price (Freqtrade computes
 *                              cross liquidation from the whole account, which is not modelled); isolated otherwise
 * @param liquidationBuffer     {@code liquidation_buffer} (default 0.05): the share of the distance between entry and
 *                              exchange liquidation price by which Freqtrade moves its liquidation price towards the
 *                              entry
 * @param maintenanceMarginRate the exchange's maintenance margin ratio for the liquidation price (Freqtrade reads it
 *                              from the exchange's leverage tiers; default 0.005, botfleet's perpetual terms)
 */
public record FreqtradeSettings(
        double stakeAmount,
        boolean unlimitedStake,
        double startingBalance,
        double tradableBalanceRatio,
        double fee,
        double stoploss,
        RoiTable minimalRoi,
        boolean trailingStop,
        Double trailingStopPositive,
        double trailingStopPositiveOffset,
        boolean trailingOnlyOffsetIsReached,
        boolean useCustomStoploss,
        boolean useExitSignal,
        boolean exitProfitOnly,
        double exitProfitOffset,
        boolean ignoreRoiIfEntrySignal,
        Duration entryTimeout,
        Duration exitTimeout,
        int maxOpenTrades,
        int startupCandleCount,
        BigDecimal priceTick,
        BigDecimal amountStep,
        TradingMode tradingMode,
        double leverage,
        double maxLeverage,
        OrderType entryOrderType,
        OrderType exitOrderType,
        FreqtradeCallbacks callbacks,
        boolean positionAdjustmentEnable,
        int maxEntryPositionAdjustment,
        boolean crossMargin,
        double liquidationBuffer,
        double maintenanceMarginRate) {

    public FreqtradeSettings {
        if (unlimitedStake) {
            if (maxOpenTrades < 1) {
                throw new IllegalArgumentException(
                        "stake_amount \"unlimited\" needs max_open_trades >= 1, was " + maxOpenTrades);
            }
        } else {
            requirePositive("stake_amount", stakeAmount);
        }
        requirePositive("dry_run_wallet", startingBalance);
        if (!(tradableBalanceRatio > 0 && tradableBalanceRatio <= 1)) {
            throw new IllegalArgumentException("tradable_balance_ratio must be in (0, 1], was " + tradableBalanceRatio);
        }
        if (!(fee >= 0 && fee < 1)) {
            throw new IllegalArgumentException("fee must be in [0, 1), was " + fee);
        }
        if (!(stoploss < 0 && stoploss >= -1)) {
            throw new IllegalArgumentException("stoploss must be a negative ratio in [-1, 0), was " + stoploss);
        }
        if (trailingStopPositive != null && !(trailingStopPositive > 0)) {
            throw new IllegalArgumentException("trailing_stop_positive must be > 0, was " + trailingStopPositive);
        }
        if (!(trailingStopPositiveOffset >= 0)) {
            throw new IllegalArgumentException(
                    "trailing_stop_positive_offset must be >= 0, was " + trailingStopPositiveOffset);
        }
        requireNonNegative("unfilledtimeout.entry", entryTimeout);
        requireNonNegative("unfilledtimeout.exit", exitTimeout);
        if (maxOpenTrades < -1) {
            throw new IllegalArgumentException("max_open_trades must be -1 (unlimited) or >= 0, was " + maxOpenTrades);
        }
        if (startupCandleCount < 0) {
            throw new IllegalArgumentException("startup_candle_count must be >= 0, was " + startupCandleCount);
        }
        requirePositive("price precision", priceTick);
        requirePositive("amount precision", amountStep);
        if (!(leverage >= 1) || !(maxLeverage >= 1)) {
            throw new IllegalArgumentException("leverage and max leverage must be >= 1, were " + leverage + ", " + maxLeverage);
        }
        if (maxEntryPositionAdjustment < -1) {
            throw new IllegalArgumentException("max_entry_position_adjustment must be -1 (unlimited) or >= 0, was "
                    + maxEntryPositionAdjustment);
        }
        if (!(liquidationBuffer >= 0 && liquidationBuffer < 1)) {
            throw new IllegalArgumentException("liquidation_buffer must be in [0, 1), was " + liquidationBuffer);
        }
        if (!(maintenanceMarginRate >= 0 && maintenanceMarginRate < 1)) {
            throw new IllegalArgumentException("maintenance margin rate must be in [0, 1), was " + maintenanceMarginRate);
        }
        minimalRoi = minimalRoi != null ? minimalRoi : RoiTable.none();
        tradingMode = tradingMode != null ? tradingMode : TradingMode.SPOT;
        entryOrderType = entryOrderType != null ? entryOrderType : OrderType.LIMIT;
        exitOrderType = exitOrderType != null ? exitOrderType : OrderType.LIMIT;
        callbacks = callbacks != null ? callbacks : FreqtradeCallbacks.defaults();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Shorts are possible only in margin or futures mode (Freqtrade's {@code can_short}). */
    boolean canShort() {
        return tradingMode != TradingMode.SPOT;
    }

    /** Freqtrade sets a liquidation price on futures trades in isolated margin mode only. */
    boolean modelsLiquidation() {
        return tradingMode == TradingMode.FUTURES && !crossMargin;
    }

    /** Leverage applied to new trades: 1 in spot, else the requested leverage clamped to [1, maxLeverage]. */
    double effectiveLeverage() {
        return effectiveLeverage(leverage);
    }

    /** {@code requested} (what the strategy's {@code leverage()} returned) as Freqtrade applies it. */
    double effectiveLeverage(double requested) {
        return tradingMode == TradingMode.SPOT ? 1.0 : Math.min(Math.max(requested, 1.0), maxLeverage);
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a positive number, was " + value);
        }
    }

    private static void requirePositive(String field, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    private static void requireNonNegative(String field, Duration value) {
        if (value != null && value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }

    /** Mutable builder with Freqtrade's defaults. */
    public static final class Builder {
        private double stakeAmount = 100;
        private boolean unlimitedStake;
        private double startingBalance = 1000;
        private double tradableBalanceRatio = 0.99;
        private double fee;
        private double stoploss = -0.10;
        private RoiTable minimalRoi = RoiTable.none();
        private boolean trailingStop;
        private Double trailingStopPositive;
        private double trailingStopPositiveOffset;
        private boolean trailingOnlyOffsetIsReached;
        private boolean useCustomStoploss;
        private boolean useExitSignal = true;
        private boolean exitProfitOnly;
        private double exitProfitOffset;
        private boolean ignoreRoiIfEntrySignal;
        private Duration entryTimeout;
        private Duration exitTimeout;
        private int maxOpenTrades = -1;
        private int startupCandleCount;
        private BigDecimal priceTick;
        private BigDecimal amountStep;
        private TradingMode tradingMode = TradingMode.SPOT;
        private double leverage = 1.0;
        private double maxLeverage = Double.MAX_VALUE;
        private OrderType entryOrderType = OrderType.LIMIT;
        private OrderType exitOrderType = OrderType.LIMIT;
        private FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults();
        private boolean positionAdjustmentEnable;
        private int maxEntryPositionAdjustment = -1;
        private boolean crossMargin;
        private double liquidationBuffer = 0.05;
        private double maintenanceMarginRate = 0.005;

        private Builder() {
        }

        private Builder(FreqtradeSettings s) {
            stakeAmount = s.stakeAmount;
            unlimitedStake = s.unlimitedStake;
            startingBalance = s.startingBalance;
            tradableBalanceRatio = s.tradableBalanceRatio;
            fee = s.fee;
            stoploss = s.stoploss;
            minimalRoi = s.minimalRoi;
            trailingStop = s.trailingStop;
            trailingStopPositive = s.trailingStopPositive;
            trailingStopPositiveOffset = s.trailingStopPositiveOffset;
            trailingOnlyOffsetIsReached = s.trailingOnlyOffsetIsReached;
            useCustomStoploss = s.useCustomStoploss;
            useExitSignal = s.useExitSignal;
            exitProfitOnly = s.exitProfitOnly;
            exitProfitOffset = s.exitProfitOffset;
            ignoreRoiIfEntrySignal = s.ignoreRoiIfEntrySignal;
            entryTimeout = s.entryTimeout;
            exitTimeout = s.exitTimeout;
            maxOpenTrades = s.maxOpenTrades;
            startupCandleCount = s.startupCandleCount;
            priceTick = s.priceTick;
            amountStep = s.amountStep;
            tradingMode = s.tradingMode;
            leverage = s.leverage;
            maxLeverage = s.maxLeverage;
            entryOrderType = s.entryOrderType;
            exitOrderType = s.exitOrderType;
            callbacks = s.callbacks;
            positionAdjustmentEnable = s.positionAdjustmentEnable;
            maxEntryPositionAdjustment = s.maxEntryPositionAdjustment;
            crossMargin = s.crossMargin;
            liquidationBuffer = s.liquidationBuffer;
            maintenanceMarginRate = s.maintenanceMarginRate;
        }

        public Builder stakeAmount(double v) { stakeAmount = v; unlimitedStake = false; return this; }
        /** Freqtrade's {@code stake_amount: "unlimited"}; needs {@code maxOpenTrades >= 1}. */
        public Builder unlimitedStake() { unlimitedStake = true; return this; }
        public Builder startingBalance(double v) { startingBalance = v; return this; }
        public Builder tradableBalanceRatio(double v) { tradableBalanceRatio = v; return this; }
        public Builder fee(double v) { fee = v; return this; }
        public Builder stoploss(double v) { stoploss = v; return this; }
        public Builder minimalRoi(RoiTable v) { minimalRoi = v; return this; }
        public Builder trailingStop(boolean v) { trailingStop = v; return this; }
        public Builder trailingStopPositive(Double v) { trailingStopPositive = v; return this; }
        public Builder trailingStopPositiveOffset(double v) { trailingStopPositiveOffset = v; return this; }
        public Builder trailingOnlyOffsetIsReached(boolean v) { trailingOnlyOffsetIsReached = v; return this; }
        public Builder useCustomStoploss(boolean v) { useCustomStoploss = v; return this; }
        public Builder useExitSignal(boolean v) { useExitSignal = v; return this; }
        public Builder exitProfitOnly(boolean v) { exitProfitOnly = v; return this; }
        public Builder exitProfitOffset(double v) { exitProfitOffset = v; return this; }
        public Builder ignoreRoiIfEntrySignal(boolean v) { ignoreRoiIfEntrySignal = v; return this; }
        public Builder entryTimeout(Duration v) { entryTimeout = v; return this; }
        public Builder exitTimeout(Duration v) { exitTimeout = v; return this; }
        public Builder maxOpenTrades(int v) { maxOpenTrades = v; return this; }
        public Builder startupCandleCount(int v) { startupCandleCount = v; return this; }
        public Builder priceTick(BigDecimal v) { priceTick = v; return this; }
        public Builder amountStep(BigDecimal v) { amountStep = v; return this; }
        public Builder tradingMode(TradingMode v) { tradingMode = v; return this; }
        public Builder leverage(double v) { leverage = v; return this; }
        public Builder maxLeverage(double v) { maxLeverage = v; return this; }
        public Builder entryOrderType(OrderType v) { entryOrderType = v; return this; }
        public Builder exitOrderType(OrderType v) { exitOrderType = v; return this; }
        public Builder callbacks(FreqtradeCallbacks v) { callbacks = v; return this; }
        public Builder positionAdjustmentEnable(boolean v) { positionAdjustmentEnable = v; return this; }
        public Builder maxEntryPositionAdjustment(int v) { maxEntryPositionAdjustment = v; return this; }
        public Builder crossMargin(boolean v) { crossMargin = v; return this; }
        public Builder liquidationBuffer(double v) { liquidationBuffer = v; return this; }
        public Builder maintenanceMarginRate(double v) { maintenanceMarginRate = v; return this; }

        public FreqtradeSettings build() {
            return new FreqtradeSettings(stakeAmount, unlimitedStake, startingBalance, tradableBalanceRatio, fee,
                    stoploss, minimalRoi,
                    trailingStop, trailingStopPositive, trailingStopPositiveOffset, trailingOnlyOffsetIsReached,
                    useCustomStoploss, useExitSignal, exitProfitOnly, exitProfitOffset, ignoreRoiIfEntrySignal,
                    entryTimeout, exitTimeout, maxOpenTrades, startupCandleCount, priceTick, amountStep, tradingMode,
                    leverage, maxLeverage, entryOrderType, exitOrderType, callbacks, positionAdjustmentEnable,
                    maxEntryPositionAdjustment, crossMargin, liquidationBuffer, maintenanceMarginRate);
        }
    }
}
