/**
 * Hyperparameter optimisation in the manner of Freqtrade's hyperopt, independent of how a trial is evaluated.
 *
 * <ul>
 *   <li>{@link dev.botfleet.engine.backtest.optimize.Dimension} — IntDim, RealDim (optionally with decimals, as
 *       Freqtrade's SKDecimal), CategoricalDim; Freqtrade's generated spaces in
 *       {@link dev.botfleet.engine.backtest.optimize.RoiSpace}, {@link dev.botfleet.engine.backtest.optimize.StoplossSpace}
 *       and {@link dev.botfleet.engine.backtest.optimize.TrailingSpace}.</li>
 *   <li>{@link dev.botfleet.engine.backtest.optimize.Sampler} — random, grid and TPE, each a pure function of
 *       (seed, trial index, history).</li>
 *   <li>{@link dev.botfleet.engine.backtest.optimize.FreqtradeLoss} — Freqtrade's loss functions by their class names,
 *       over a {@link dev.botfleet.engine.backtest.optimize.TrialOutcome}.</li>
 *   <li>{@link dev.botfleet.engine.backtest.optimize.Hyperopt} — the runner: batches, threads within a memory bound,
 *       min_trades, an append-only checkpoint to resume from, progress and cancellation.</li>
 * </ul>
 */
package dev.botfleet.engine.backtest.optimize;
