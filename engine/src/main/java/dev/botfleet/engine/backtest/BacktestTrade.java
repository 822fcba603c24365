package dev.botfleet.engine.backtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One completed round trip (a deal) of a backtest.
 *
 * @param direction   LONG or SHORT
 * @param quantity    base quantity, the largest position reached during the deal
 * @param entryPrice  quantity-weighted average price of the entry fills
 * @param exitPrice   quantity-weighted average price of the exit fills
 * @param fees        quote-asset fees of every fill of the deal
 * @param pnl         realized PnL in the quote asset, net of those fees
 * @param closeReason TAKE_PROFIT, STOP_LOSS, SIGNAL, ... (Freqtrade's exit reason in the freqtrade fill model)
 */
public record BacktestTrade(Instant entryTime, Instant exitTime, String direction, BigDecimal quantity,
                            BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal fees, BigDecimal pnl,
                            String closeReason) {

    public Duration duration() { return Duration.between(entryTime, exitTime); }

    public boolean isWin() { return pnl.signum() > 0; }
}
