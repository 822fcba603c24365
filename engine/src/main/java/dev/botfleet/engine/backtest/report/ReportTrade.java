package dev.botfleet.engine.backtest.report;

import java.util.List;

/**
 * A closed trade as the report reads it: Freqtrade's per-trade result columns. The report package defines its own
 * record so it does not depend on how the fill model stores trades; the caller converts.
 *
 * @param pair           e.g. {@code "BTC/USDT"}
 * @param openTime       epoch ms of the entry (Freqtrade's open_date: the candle the entry order was placed on)
 * @param closeTime      epoch ms of the exit fill (close_date)
 * @param stakeAmount    quote currency committed
 * @param maxStakeAmount largest stake the trade held (equals stakeAmount without position adjustment)
 * @param feeOpen        entry fee RATE (Freqtrade's fee_open, e.g. 0.001), not the fee cost
 * @param feeClose       exit fee RATE (fee_close)
 * @param profitRatio    Freqtrade's profit_ratio (8-decimal rounded, as the fill model produces it)
 * @param profitAbs      Freqtrade's profit_abs, quote currency
 * @param exitReason     exit_reason, e.g. {@code "roi"}, {@code "force_exit"}; never null
 * @param enterTag       enter_tag or null (trades without a tag are left out of the per-tag rows, as in Freqtrade)
 * @param minRate        lowest price seen while the trade was open
 * @param maxRate        highest price seen while the trade was open
 * @param initialStopLossAbs   optional (null when unknown): the first stop price, export field initial_stop_loss_abs
 * @param initialStopLossRatio optional: the first stop as a ratio (Freqtrade stores it negative, e.g. -0.1)
 * @param stopLossAbs          optional: the stop price at exit, stop_loss_abs
 * @param stopLossRatio        optional: the stop ratio at exit, stop_loss_ratio
 * @param orders               optional: the filled orders; null exports {@code "orders": []}
 * @param fundingFees          futures: the funding received over the trade (negative: paid), quote currency, already
 *                             in profitAbs (Freqtrade's {@code funding_fees}); 0 for spot
 * @param liquidationPrice     optional: the liquidation price of an isolated futures trade ({@code liquidation_price})
 */
public record ReportTrade(String pair, long openTime, long closeTime, double openRate, double closeRate,
                          double amount, double stakeAmount, double maxStakeAmount, double feeOpen, double feeClose,
                          double profitRatio, double profitAbs, String exitReason, String enterTag, boolean isShort,
                          double leverage, double minRate, double maxRate, Double initialStopLossAbs,
                          Double initialStopLossRatio, Double stopLossAbs, Double stopLossRatio,
                          List<ReportOrder> orders, double fundingFees, Double liquidationPrice) {

    public ReportTrade {
        if (pair == null || pair.isBlank()) {
            throw new IllegalArgumentException("trade pair is missing");
        }
        if (exitReason == null) {
            throw new IllegalArgumentException("trade " + pair + " opened at " + openTime + ": exitReason is null");
        }
        if (closeTime < openTime) {
            throw new IllegalArgumentException("trade " + pair + ": closeTime " + closeTime
                    + " is before openTime " + openTime);
        }
        requireFinite(pair, "openRate", openRate);
        requireFinite(pair, "closeRate", closeRate);
        requireFinite(pair, "amount", amount);
        requireFinite(pair, "stakeAmount", stakeAmount);
        requireFinite(pair, "profitRatio", profitRatio);
        requireFinite(pair, "profitAbs", profitAbs);
        requireFinite(pair, "fundingFees", fundingFees);
        orders = orders == null ? null : List.copyOf(orders);
    }

    /** A spot trade: no funding, no liquidation price. */
    public ReportTrade(String pair, long openTime, long closeTime, double openRate, double closeRate, double amount,
                       double stakeAmount, double maxStakeAmount, double feeOpen, double feeClose,
                       double profitRatio, double profitAbs, String exitReason, String enterTag, boolean isShort,
                       double leverage, double minRate, double maxRate, Double initialStopLossAbs,
                       Double initialStopLossRatio, Double stopLossAbs, Double stopLossRatio,
                       List<ReportOrder> orders) {
        this(pair, openTime, closeTime, openRate, closeRate, amount, stakeAmount, maxStakeAmount, feeOpen, feeClose,
                profitRatio, profitAbs, exitReason, enterTag, isShort, leverage, minRate, maxRate, initialStopLossAbs,
                initialStopLossRatio, stopLossAbs, stopLossRatio, orders, 0.0, null);
    }

    /** The trade without stop-loss levels or orders (the export writes them as null / []). */
    public ReportTrade(String pair, long openTime, long closeTime, double openRate, double closeRate, double amount,
                       double stakeAmount, double maxStakeAmount, double feeOpen, double feeClose,
                       double profitRatio, double profitAbs, String exitReason, String enterTag, boolean isShort,
                       double leverage, double minRate, double maxRate) {
        this(pair, openTime, closeTime, openRate, closeRate, amount, stakeAmount, maxStakeAmount, feeOpen, feeClose,
                profitRatio, profitAbs, exitReason, enterTag, isShort, leverage, minRate, maxRate,
                null, null, null, null, null);
    }

    /** Freqtrade's trade_duration: whole minutes, floored. */
    public long durationMinutes() {
        return Math.floorDiv(closeTime - openTime, 60_000L);
    }

    private static void requireFinite(String pair, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("trade " + pair + ": " + field + " is " + value);
        }
    }
}
