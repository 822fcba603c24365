package dev.botfleet.server.backtest.portfolio;

import dev.botfleet.engine.backtest.freqtrade.FreqtradeSettings;
import dev.botfleet.engine.backtest.freqtrade.OrderType;
import dev.botfleet.engine.backtest.freqtrade.RoiTable;
import dev.botfleet.engine.backtest.freqtrade.TradingMode;
import dev.botfleet.server.backtest.BacktestJob;
import dev.botfleet.server.backtest.config.FreqtradeConfig;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A checked {@link FreqtradeConfig} as the engine's {@link FreqtradeSettings}: every key the engine models. Where the
 * config leaves a key to the strategy (null), botfleet's catalog strategies state none, so the engine's neutral value
 * applies and a note says so (see {@link #defaultsNotes}).
 */
final class EngineSettings {
    /**
     * Price and amount precision of every pair: the shipped datasets are all BTC-quoted pairs (XXX/BTC), quoted to 8 decimals (one
     * satoshi), so one precision serves them all; PairData has no per-pair precision yet.
     */
    static final BigDecimal PRECISION = BacktestJob.DEFAULT_TICK;
    /** The exchange's fee when the config gives none (Binance's spot taker fee, Freqtrade's usual exchange). */
    static final double DEFAULT_FEE = BacktestJob.DEFAULT_FEE.doubleValue();
    /** No stoploss given and the strategy has none: Freqtrade's -1 (a 100 % loss), i.e. the stop never triggers. */
    static final double NO_STOPLOSS = -1.0;

    /** The highest leverage a config may ask for (FreqtradeConfigParser checks it). */
    static final double MAX_LEVERAGE = 125;

    private EngineSettings() {
    }

    static FreqtradeSettings of(FreqtradeConfig c, int startupCandles) {
        FreqtradeSettings.Builder b = FreqtradeSettings.builder()
                .startingBalance(c.dryRunWallet())
                .tradableBalanceRatio(c.tradableBalanceRatio())
                .fee(c.fee() == null ? DEFAULT_FEE : c.fee())
                .stoploss(c.stoploss() == null ? NO_STOPLOSS : c.stoploss())
                .minimalRoi(c.minimalRoi() == null ? RoiTable.none() : RoiTable.of(c.minimalRoi()))
                .trailingStop(c.trailing().enabled())
                .trailingStopPositive(c.trailing().positive())
                .trailingStopPositiveOffset(c.trailing().positiveOffset())
                .trailingOnlyOffsetIsReached(c.trailing().onlyOffsetIsReached())
                .useExitSignal(c.exitRules().useExitSignal())
                .exitProfitOnly(c.exitRules().exitProfitOnly())
                .exitProfitOffset(c.exitRules().exitProfitOffset())
                .ignoreRoiIfEntrySignal(c.exitRules().ignoreRoiIfEntrySignal())
                .entryTimeout(seconds(c.unfilledTimeout().entrySeconds()))
                .exitTimeout(seconds(c.unfilledTimeout().exitSeconds()))
                .maxOpenTrades(c.maxOpenTrades() == null ? -1 : c.maxOpenTrades())
                .startupCandleCount(startupCandles)
                .priceTick(PRECISION)
                .amountStep(PRECISION)
                .tradingMode(c.tradingMode() == FreqtradeConfig.TradingMode.SPOT ? TradingMode.SPOT : TradingMode.FUTURES)
                .leverage(c.leverage())
                .crossMargin(c.marginMode() == FreqtradeConfig.MarginMode.CROSS)
                .maxLeverage(MAX_LEVERAGE)
                .entryOrderType(orderType(c.orderTypes().entry()))
                .exitOrderType(orderType(c.orderTypes().exit()))
                .positionAdjustmentEnable(c.positionAdjustmentEnable())
                .maxEntryPositionAdjustment(c.maxEntryPositionAdjustment());
        if (c.unlimitedStake()) b.unlimitedStake();
        else b.stakeAmount(c.stakeAmount());
        return b.build();
    }

    /** What the run decided for keys the config left to the strategy or the exchange, in plain words. */
    static List<String> defaultsNotes(FreqtradeConfig c) {
        List<String> notes = new java.util.ArrayList<>();
        if (c.fee() == null) notes.add("fee: not given, the exchange's " + DEFAULT_FEE + " per side is used");
        if (c.stoploss() == null) notes.add("stoploss: not given and the strategy states none, so -1 (never triggers)");
        if (c.minimalRoi() == null) notes.add("minimal_roi: not given and the strategy states none, so no ROI exits");
        if (c.maxOpenTrades() == null) notes.add("max_open_trades: not given and the strategy states none, so unlimited");
        if (c.tradingMode() == FreqtradeConfig.TradingMode.FUTURES) {
            notes.add("trading_mode futures: leverage " + c.leverage() + ", shorts, and funding from each pair's"
                    + " -8h-funding_rate and -mark files; " + (c.marginMode() == FreqtradeConfig.MarginMode.CROSS
                    ? "cross margin: no liquidation price is modelled"
                    : "isolated margin: trades are liquidated at Freqtrade's liquidation price (maintenance margin "
                    + "0.005, the fee as taker fee, liquidation_buffer 0.05)"));
        }
        long withoutMarket = c.pairs().stream().filter(p -> !c.markets().containsKey(p)).count();
        if (withoutMarket > 0) {
            notes.add("precision: " + (c.markets().isEmpty() ? "every pair's" : withoutMarket
                    + " pair(s) without markets entry:") + " prices and amounts are rounded to "
                    + PRECISION.toPlainString() + " and no exchange minimum/maximum stake applies (give \"markets\""
                    + " or --markets for per-pair rules)");
        }
        return notes;
    }

    private static Duration seconds(Double s) {
        return s == null ? null : Duration.ofMillis(Math.round(s * 1000));
    }

    private static OrderType orderType(FreqtradeConfig.OrderType t) {
        return t == FreqtradeConfig.OrderType.MARKET ? OrderType.MARKET : OrderType.LIMIT;
    }
}
