package dev.botfleet.engine.order;

/**
 * Why a deal (round trip) was closed; carried by the order that closes it. ROI: Freqtrade's minimal-ROI table.
 * MARKET_ALERT: the strategy got out on a {@link dev.botfleet.engine.market.MarketAlert} (e.g. liquidity being pulled).
 */
public enum CloseReason {
    TAKE_PROFIT, STOP_LOSS, TRAILING_STOP, TIME_LIMIT, SIGNAL, MANUAL, ROI, MARKET_ALERT
}
