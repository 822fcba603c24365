package dev.botfleet.server.risk;

import java.util.Map;

/**
 * GET and PUT /me/risk.
 *
 * @param dailyLossLimits quote asset -> limit (decimal strings), assets in name order
 * @param today           per asset with a limit or with LIVE fills today: the realized pnl of the LIVE bots' fills
 *                        since 00:00 UTC, the limit (null without one) and whether it is reached
 * @param day             the UTC day {@code today} covers (ISO date)
 */
public record RiskResponse(Map<String, String> dailyLossLimits, Map<String, AssetToday> today, String day) {
    public record AssetToday(String realizedPnl, String limit, boolean tripped) {
    }
}
