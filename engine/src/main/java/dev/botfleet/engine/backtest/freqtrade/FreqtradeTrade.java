package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;

/**
 * A closed trade, as Freqtrade's backtest result lists it. Prices, amounts and money are the exact decimal forms of the
 * values Freqtrade computes (its own float results, shortest representation), so they print as Freqtrade prints them.
 *
 * @param openTime    open time of the candle the entry order was placed on (also for late fills), epoch ms
 * @param closeTime   open time of the candle the exit filled on, epoch ms
 * @param stakeAmount quote currency committed (amount × open rate / leverage)
 * @param feeOpen     fee paid on the entry fill, quote currency
 * @param feeClose    fee paid on the exit fill, quote currency
 * @param profitRatio Freqtrade's {@code profit_ratio}: profit after both fees over the entry value incl. fee, × leverage
 * @param profitAbs   Freqtrade's {@code profit_abs}, rounded to 8 decimals
 * @param exitReason  Freqtrade's {@code exit_reason}: {@code exitType.reason()}, or the exit tag / custom exit reason
 * @param enterTag    the entry signal's tag, or null
 */
public record FreqtradeTrade(
        long openTime,
        long closeTime,
        BigDecimal openRate,
        BigDecimal closeRate,
        BigDecimal amount,
        BigDecimal stakeAmount,
        BigDecimal feeOpen,
        BigDecimal feeClose,
        double profitRatio,
        BigDecimal profitAbs,
        ExitType exitType,
        String exitReason,
        String enterTag,
        boolean isShort,
        double leverage) {

    /** Whole minutes between entry placement and exit. */
    public long durationMinutes() {
        return (closeTime - openTime) / 60_000L;
    }
}
