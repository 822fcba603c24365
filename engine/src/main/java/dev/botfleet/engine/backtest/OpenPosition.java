package dev.botfleet.engine.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The position a backtest still held after its last candle, marked at that candle's close. It is not a trade:
 * {@code trades}, {@code metrics.trades} and {@code winRate} count completed round trips only, while the final equity
 * and net profit include it: netProfit = Σ trade pnl + unrealizedPnl (docs/backtesting.md "Results").
 *
 * @param quantity      signed base quantity (negative: short)
 * @param entryPrice    average entry of the open lot(s)
 * @param entryTime     the first fill of the open deal (per lot: of the oldest open lot)
 * @param lastPrice     the last candle's close
 * @param unrealizedPnl quote: the open part at lastPrice against its entry, plus what partial exits of the open deal
 *                      realized, net of the fees paid on it (the exit's fee is not charged)
 */
public record OpenPosition(BigDecimal quantity, BigDecimal entryPrice, Instant entryTime, BigDecimal lastPrice,
                           BigDecimal unrealizedPnl) {
}
