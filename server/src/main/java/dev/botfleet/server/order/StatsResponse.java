package dev.botfleet.server.order;

import java.time.Instant;

/**
 * A bot's results. {@code pnl} is the sum of its completed deals (round trips, net of fees) and {@code totalTrades}
 * their number; {@code realizedPnl} also counts what the open deal realized so far (e.g. its entry fees);
 * {@code unrealizedPnl} is the open position at the last price.
 */
public record StatsResponse(String pnl, String realizedPnl, String unrealizedPnl, long totalTrades, long winningTrades,
                            long losingTrades, String winRate, String fees, long fills, long openOrders,
                            Instant lastFillTime) {
}
