package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.FundingRates;
import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.FillModel;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One backtest as the command line and the REST API describe it, already checked: the strategy, its raw parameters,
 * the market and its candles, and the simulation settings.
 *
 * @param dataset  the candle file's name (for reports)
 * @param params   the parameters as given (validated into a config by {@link #spec()})
 * @param margin   the leverage of a perpetual run (the market is then a linear perpetual settled in the quote asset);
 *                 null for spot
 * @param funding  a perpetual run's funding fixings ({@link FundingRates#NONE}: none booked)
 */
public record BacktestJob(StrategySource strategy, Map<String, Object> params, String symbol, String dataset,
                          CandleSeries candles, FillModel fillModel, BigDecimal fee, BigDecimal startingBalance,
                          int slippageTicks, BigDecimal tickSize, BigDecimal lotSize, double stoploss,
                          MarginSettings margin, FundingRates funding) {

    public static final BigDecimal DEFAULT_FEE = new BigDecimal("0.001");
    public static final BigDecimal DEFAULT_BALANCE = new BigDecimal("1000");
    public static final BigDecimal DEFAULT_TICK = new BigDecimal("0.00000001");
    public static final BigDecimal DEFAULT_LOT = new BigDecimal("0.00000001");
    /** A backtested perpetual's terms: the highest leverage venues offer and a typical first-tier maintenance rate. */
    public static final BigDecimal MAX_LEVERAGE = new BigDecimal("125");
    public static final BigDecimal MAINTENANCE_MARGIN_RATE = new BigDecimal("0.005");

    public BacktestJob {
        params = new LinkedHashMap<>(params);
        if (funding == null) funding = FundingRates.NONE;
    }

    /** A spot run. */
    public BacktestJob(StrategySource strategy, Map<String, Object> params, String symbol, String dataset,
                       CandleSeries candles, FillModel fillModel, BigDecimal fee, BigDecimal startingBalance,
                       int slippageTicks, BigDecimal tickSize, BigDecimal lotSize, double stoploss) {
        this(strategy, params, symbol, dataset, candles, fillModel, fee, startingBalance, slippageTicks, tickSize, lotSize,
                stoploss, null, FundingRates.NONE);
    }

    /** The same run on the market as a perpetual at this leverage, with these funding fixings. */
    public BacktestJob perpetual(MarginSettings m, FundingRates f) {
        return new BacktestJob(strategy, params, symbol, dataset, candles, fillModel, fee, startingBalance, slippageTicks,
                tickSize, lotSize, stoploss, m, f);
    }

    /** The market: "BASE/QUOTE", both fees = {@code fee}, no minimum notional. */
    public Instrument instrument() {
        String[] parts = symbol.split("/");
        Instrument spot = new Instrument("backtest", symbol, parts[0], parts[1], tickSize, lotSize, lotSize, BigDecimal.ZERO,
                fee, fee);
        return margin == null ? spot
                : spot.asPerpetual(new Derivative(lotSize, parts[1], MAX_LEVERAGE, MAINTENANCE_MARGIN_RATE));
    }

    public StrategyConfig config() {
        return strategy.configure(params);
    }

    public BacktestSpec spec() {
        BacktestSpec spot = new BacktestSpec(strategy.name(), strategy.factory(), config(), instrument(), candles,
                fillModel, startingBalance, slippageTicks, stoploss);
        return margin == null ? spot : spot.withPerpetual(margin, funding);
    }

    /** "BASE/QUOTE" with two non-empty parts of letters and digits, or null when fine. */
    public static String symbolProblem(String symbol) {
        if (symbol == null || !symbol.matches("[A-Za-z0-9]{1,20}/[A-Za-z0-9]{1,20}")) {
            return "must look like BASE/QUOTE, e.g. LTC/BTC";
        }
        return null;
    }
}
