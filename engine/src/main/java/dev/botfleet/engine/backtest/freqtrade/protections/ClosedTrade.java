package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.Objects;
import java.util.Set;

/**
 * A closed trade as the protections see it (Freqtrade's {@code LocalTrade} after {@code close_bt_trade}).
 *
 * @param pair        e.g. {@code "LTC/BTC"}
 * @param openTime    entry time, epoch ms
 * @param closeTime   Freqtrade's {@code close_date}: the open time of the candle the exit filled on, epoch ms
 * @param profitRatio Freqtrade's {@code close_profit}: the profit ratio rounded to 8 decimals
 *                    ({@code FreqtradeTrade.profitRatio()})
 * @param profitAbs   Freqtrade's {@code close_profit_abs} (2024.10's protections do not use it; kept for reports)
 * @param exitReason  Freqtrade's {@code exit_reason} text, e.g. {@code "stop_loss"}, {@code "roi"}, or an exit tag
 * @param isStopLoss  true exactly when {@code exitReason} is one of {@link #STOP_LOSS_REASONS}: StoplossGuard counts
 *                    trades by that text, so the flag must agree with it (checked)
 * @param isShort     Freqtrade's {@code trade_direction == "short"}
 */
public record ClosedTrade(
        String pair,
        long openTime,
        long closeTime,
        double profitRatio,
        double profitAbs,
        String exitReason,
        boolean isStopLoss,
        boolean isShort) {

    /** The exit reasons StoplossGuard counts (Freqtrade's {@code ExitType} values it compares {@code exit_reason} to). */
    public static final Set<String> STOP_LOSS_REASONS =
            Set.of("stop_loss", "trailing_stop_loss", "stoploss_on_exchange", "liquidation");

    public ClosedTrade {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(exitReason, "exitReason");
        if (pair.isEmpty() || pair.equals("*")) {
            throw new IllegalArgumentException("ClosedTrade.pair must name a pair, was \"" + pair + "\"");
        }
        if (!Double.isFinite(profitRatio) || !Double.isFinite(profitAbs)) {
            throw new IllegalArgumentException("ClosedTrade " + pair + ": profitRatio and profitAbs must be finite, were "
                    + profitRatio + " and " + profitAbs);
        }
        if (closeTime < openTime) {
            throw new IllegalArgumentException("ClosedTrade " + pair + ": closeTime " + closeTime
                    + " is before openTime " + openTime);
        }
        if (isStopLoss != isStopLossReason(exitReason)) {
            throw new IllegalArgumentException("ClosedTrade " + pair + ": isStopLoss=" + isStopLoss
                    + " disagrees with exitReason \"" + exitReason + "\" (a stop loss is an exit reason in "
                    + STOP_LOSS_REASONS + ")");
        }
    }

    /** A trade whose {@code isStopLoss} is derived from its exit reason. */
    public ClosedTrade(String pair, long openTime, long closeTime, double profitRatio, double profitAbs,
            String exitReason, boolean isShort) {
        this(pair, openTime, closeTime, profitRatio, profitAbs, exitReason, isStopLossReason(exitReason), isShort);
    }

    /** Whether Freqtrade's StoplossGuard counts an exit with this reason text. */
    public static boolean isStopLossReason(String exitReason) {
        return exitReason != null && STOP_LOSS_REASONS.contains(exitReason);
    }

    /** Freqtrade's {@code trade_direction}. */
    String side() {
        return isShort ? "short" : "long";
    }
}
