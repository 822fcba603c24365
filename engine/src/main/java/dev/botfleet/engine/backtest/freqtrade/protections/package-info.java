/**
 * Freqtrade 2024.10's protections for the {@code freqtrade} fill model: {@code CooldownPeriod}, {@code StoplossGuard},
 * {@code MaxDrawdown} and {@code LowProfitPairs}, with Freqtrade's pair locks.
 * <p>
 * The backtest loop owns one {@link dev.botfleet.engine.backtest.freqtrade.protections.ProtectionManager} per run
 * (Freqtrade resets its locks at the start of every backtest), calls {@code onExit} after every exit fill, as
 * Freqtrade's {@code run_protections} does ({@code stop_per_pair}, then {@code global_stop}), and asks
 * {@code isLocked} before every entry. Freqtrade only evaluates protections with {@code --enable-protections}; without
 * it the loop builds no manager (or one with an empty list, which never locks). JDK only.
 */
package dev.botfleet.engine.backtest.freqtrade.protections;
