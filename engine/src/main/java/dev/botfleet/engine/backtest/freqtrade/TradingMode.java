package dev.botfleet.engine.backtest.freqtrade;

/**
 * SPOT ignores short signals and leverage. MARGIN allows shorts and leverage (Freqtrade's margin mode; interest is
 * zero, as in Freqtrade backtests, and no liquidation price is modelled). FUTURES is MARGIN plus funding: pairs with
 * {@link FundingData} pay or receive it as Freqtrade's futures backtests do, and in isolated margin each trade gets
 * Freqtrade's liquidation price ({@link LiquidationPrice}) and is closed there if the candle reaches it first.
 */
public enum TradingMode {
    SPOT,
    MARGIN,
    FUTURES
}
