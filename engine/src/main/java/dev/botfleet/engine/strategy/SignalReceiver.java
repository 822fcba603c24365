package dev.botfleet.engine.strategy;

/**
 * A strategy that trades on {@link ExternalSignal}s. The kernel calls it on the bot's turn, in mailbox order with the
 * bot's market data and order events, only while the bot runs; a strategy that does not implement it has signals
 * ignored with a warning.
 */
public interface SignalReceiver {
    void onSignal(StrategyContext ctx, ExternalSignal signal);
}
