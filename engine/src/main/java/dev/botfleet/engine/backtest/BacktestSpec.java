package dev.botfleet.engine.backtest;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.strategy.StrategyFactory;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Everything one backtest run needs. The strategy is made fresh for each run by {@code factory}, so one spec (and one
 * factory) can serve many runs, also in parallel.
 *
 * @param strategy         the strategy's id or class name (a label for reports)
 * @param config           the validated strategy config
 * @param startingBalance  quote asset held before the first candle (no base asset is held)
 * @param slippageTicks    realistic model: ticks a market order fills worse than the next trade
 * @param stoploss         freqtrade model: the strategy's stoploss as a negative ratio (-1 = none)
 * @param margin           leverage and margin mode when {@code instrument} is a perpetual (null: 1×, isolated)
 * @param funding          the perpetual's funding fixings ({@link FundingRates#NONE} on spot or when unknown)
 */
public record BacktestSpec(String strategy, StrategyFactory factory, StrategyConfig config, Instrument instrument,
                           CandleSeries candles, FillModel fillModel, BigDecimal startingBalance, int slippageTicks,
                           double stoploss, MarginSettings margin, FundingRates funding) {

    public BacktestSpec {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(fillModel, "fillModel");
        if (candles.isEmpty()) throw new IllegalArgumentException("candles: no candles to backtest");
        if (startingBalance == null || startingBalance.signum() <= 0) {
            throw new IllegalArgumentException("balance: must be greater than 0");
        }
        if (slippageTicks < 0) throw new IllegalArgumentException("slippageTicks: must be 0 or more ticks");
        if (!(stoploss >= -1 && stoploss < 0)) {
            throw new IllegalArgumentException("stoploss: must be a negative ratio in [-1, 0), was " + stoploss);
        }
        if (funding == null) funding = FundingRates.NONE;
        if (instrument.isPerpetual() && margin == null) margin = MarginSettings.DEFAULT;
        if (margin != null && instrument.isPerpetual()
                && margin.leverage().compareTo(instrument.derivative().maxLeverage()) > 0) {
            throw new IllegalArgumentException("leverage: " + margin.leverage().stripTrailingZeros().toPlainString()
                    + " is above the maximum " + instrument.derivative().maxLeverage().stripTrailingZeros().toPlainString()
                    + " of " + instrument.symbol());
        }
    }

    /** A spot (or 1× perpetual without funding) backtest. */
    public BacktestSpec(String strategy, StrategyFactory factory, StrategyConfig config, Instrument instrument,
                        CandleSeries candles, FillModel fillModel, BigDecimal startingBalance, int slippageTicks,
                        double stoploss) {
        this(strategy, factory, config, instrument, candles, fillModel, startingBalance, slippageTicks, stoploss, null,
                FundingRates.NONE);
    }

    /** The same run on a perpetual with this leverage and these funding fixings. */
    public BacktestSpec withPerpetual(MarginSettings m, FundingRates f) {
        return new BacktestSpec(strategy, factory, config, instrument, candles, fillModel, startingBalance, slippageTicks,
                stoploss, m, f);
    }

    /** The realistic model with no slippage and no Freqtrade stoploss. */
    public static BacktestSpec of(String strategy, StrategyFactory factory, StrategyConfig config,
                                  Instrument instrument, CandleSeries candles, BigDecimal startingBalance) {
        return new BacktestSpec(strategy, factory, config, instrument, candles, FillModel.REALISTIC, startingBalance,
                0, -1);
    }

    public BacktestSpec withConfig(StrategyConfig c) {
        return new BacktestSpec(strategy, factory, c, instrument, candles, fillModel, startingBalance, slippageTicks,
                stoploss, margin, funding);
    }

    public BacktestSpec withCandles(CandleSeries c) {
        return new BacktestSpec(strategy, factory, config, instrument, c, fillModel, startingBalance, slippageTicks,
                stoploss, margin, funding);
    }

    public BacktestSpec withFillModel(FillModel m) {
        return new BacktestSpec(strategy, factory, config, instrument, candles, m, startingBalance, slippageTicks,
                stoploss, margin, funding);
    }
}
