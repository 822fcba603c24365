package dev.botfleet.engine.backtest.freqtrade.protections;

/**
 * What a protection asks for (Freqtrade's {@code ProtectionReturn}): a lock until {@code until} (not yet rounded to a
 * candle), with its reason, on {@code side} ({@code "*"}, {@code "long"} or {@code "short"}).
 */
record LockRequest(long until, String reason, String side) {
}
