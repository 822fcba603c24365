package dev.botfleet.engine.exchange;

/**
 * Opens a port that reports to the given listener. The kernel calls it once, with its own listener, so the wiring
 * order (kernel needs port, port needs listener) resolves itself.
 */
@FunctionalInterface
public interface ExchangeConnector {
    ExchangePort connect(ExecutionListener listener);
}
