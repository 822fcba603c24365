/**
 * The {@code freqtrade} fill model: a port of Freqtrade 2024.10's backtest semantics, so a strategy's signals produce
 * the same trades, prices and profit as {@code freqtrade backtesting} does.
 * <p>
 * Entry points: {@link dev.botfleet.engine.backtest.freqtrade.PortfolioBacktest} for a whitelist of pairs sharing one
 * wallet ({@link dev.botfleet.engine.backtest.freqtrade.PairData} in, {@link
 * dev.botfleet.engine.backtest.freqtrade.PortfolioResult} out; protections plug in as {@link
 * dev.botfleet.engine.backtest.freqtrade.PairLocks}), and {@link dev.botfleet.engine.backtest.freqtrade.FreqtradeBacktest}
 * for one pair (the same loop), configured by
 * {@link dev.botfleet.engine.backtest.freqtrade.FreqtradeSettings}, fed {@link
 * dev.botfleet.engine.backtest.freqtrade.CandleColumns} and {@link dev.botfleet.engine.backtest.freqtrade.SignalColumns},
 * returning a {@link dev.botfleet.engine.backtest.freqtrade.FreqtradeResult}. Self-contained: it depends on the JDK
 * only. Accuracy is pinned by Freqtrade's own 54 backtest-detail scenarios (see the tests).
 */
package dev.botfleet.engine.backtest.freqtrade;
