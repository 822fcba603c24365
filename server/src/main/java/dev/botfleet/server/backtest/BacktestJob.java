package dev.botfleet.server.backtest;

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
 */
public record BacktestJob(StrategySource strategy, Map<String, Object> params, String symbol, String dataset,
                          CandleSeries candles, FillModel fillModel, BigDecimal fee, BigDecimal startingBalance,
                          int slippageTicks, BigDecimal tickSize, BigDecimal lotSize, double stoploss) {

    public static final BigDecimal DEFAULT_FEE = new BigDecimal("0.001");
    public static final BigDecimal DEFAULT_BALANCE = new BigDecimal("1000");
    public static final BigDecimal DEFAULT_TICK = new BigDecimal("0.00000001");
    public static final BigDecimal DEFAULT_LOT = new BigDecimal("0.00000001");

    public BacktestJob {
        params = new LinkedHashMap<>(params);
    }

    /** The market: "BASE/QUOTE", both fees = {@code fee}, no minimum notional. */
    public Instrument instrument() {
        String[] parts = symbol.split("/");
        return new Instrument("backtest", symbol, parts[0], parts[1], tickSize, lotSize, lotSize, BigDecimal.ZERO, fee, fee);
    }

    public StrategyConfig config() {
        return strategy.configure(params);
    }

    public BacktestSpec spec() {
        return new BacktestSpec(strategy.name(), strategy.factory(), config(), instrument(), candles, fillModel,
                startingBalance, slippageTicks, stoploss);
    }

    /** "BASE/QUOTE" with two non-empty parts of letters and digits, or null when fine. */
    public static String symbolProblem(String symbol) {
        if (symbol == null || !symbol.matches("[A-Za-z0-9]{1,20}/[A-Za-z0-9]{1,20}")) {
            return "must look like BASE/QUOTE, e.g. LTC/BTC";
        }
        return null;
    }
}
