package dev.botfleet.engine.backtest.freqtrade;

/**
 * SPOT ignores short signals and leverage. MARGIN allows shorts and leverage (Freqtrade's margin mode; interest is
 * zero, as in Freqtrade backtests, and no liquidation price is modelled).
 */
public enum TradingMode {
    SPOT,
    MARGIN
}
