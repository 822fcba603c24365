package dev.botfleet.engine.backtest.optimize;

import java.util.Objects;

/**
 * One closed trade of a trial, as the loss functions see it (Freqtrade's results DataFrame columns pair,
 * open_date, close_date, profit_ratio, profit_abs). Times are epoch milliseconds UTC.
 */
public record TrialTrade(String pair, long openTime, long closeTime, double profitRatio, double profitAbs) {
    public TrialTrade {
        Objects.requireNonNull(pair, "pair");
        if (closeTime < openTime) {
            throw new IllegalArgumentException(pair + ": closeTime " + closeTime + " is before openTime " + openTime);
        }
        if (!Double.isFinite(profitRatio) || !Double.isFinite(profitAbs)) {
            throw new IllegalArgumentException(pair + ": profitRatio and profitAbs must be finite, got " + profitRatio + ", " + profitAbs);
        }
    }

    /** Freqtrade's trade_duration: whole minutes, floored. */
    public long durationMinutes() { return Math.floorDiv(closeTime - openTime, 60_000L); }
}
