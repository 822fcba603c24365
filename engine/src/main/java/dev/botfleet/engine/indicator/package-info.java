/**
 * Streaming technical indicators on primitive doubles: O(1) work per candle, no allocation after construction,
 * {@code NaN} until ready, values equal to TA-Lib 0.4.0's (seeding included; parity is tested against
 * {@code com.tictactec:ta-lib}).
 *
 * <p>The one deliberate difference, by default: TA-Lib's "is zero" tests use an absolute epsilon of 1e-8 (RSI's gain +
 * loss, ADX's smoothed true range and DI sum, Bollinger's variance). For markets quoted in small units (every X/BTC
 * pair) and after long flat stretches that epsilon swallows real values (TA-Lib's Bollinger Bands collapse onto the
 * middle band, RSI drops to 0), so by default only an exact zero counts. {@link dev.botfleet.engine.indicator.ZeroPolicy#TA_LIB}
 * reproduces TA-Lib's behaviour bit for bit where matching Freqtrade matters more.
 *
 * <p>A volume SMA is an {@link dev.botfleet.engine.indicator.Sma} fed with volumes; the highest high / lowest low are
 * {@link dev.botfleet.engine.indicator.Highest} / {@link dev.botfleet.engine.indicator.Lowest} fed with highs / lows.
 */
package dev.botfleet.engine.indicator;
