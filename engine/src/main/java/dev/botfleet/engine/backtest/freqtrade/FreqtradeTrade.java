package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;
import java.util.List;

/**
 * A closed trade, as Freqtrade's backtest result lists it. Prices, amounts and money are the exact decimal forms of the
 * values Freqtrade computes (its own float results, shortest representation), so they print as Freqtrade prints them.
 *
 * @param pair                 the pair traded
 * @param openTime             open time of the candle the entry order was placed on (also for late fills), epoch ms
 * @param closeTime            open time of the candle the exit filled on, epoch ms
 * @param openRate             average entry price (Σ price·amount / Σ amount over the filled entries)
 * @param amount               amount held when the last exit filled (partial exits already taken out)
 * @param stakeAmount          quote currency committed (amount × open rate / leverage)
 * @param feeOpen              fee paid on the entry fill, quote currency
 * @param feeClose             fee paid on the exit fill, quote currency
 * @param profitRatio          Freqtrade's {@code profit_ratio}: profit after both fees over the entry value incl. fee,
 *                             × leverage
 * @param profitAbs            Freqtrade's {@code profit_abs}, rounded to 8 decimals (incl. profit realized by partial
 *                             exits)
 * @param exitReason           Freqtrade's {@code exit_reason}: {@code exitType.reason()}, or the exit tag / custom
 *                             exit reason
 * @param enterTag             the entry signal's tag, or null
 * @param minRate              lowest low seen by the exit checks while the trade was open ({@code min_rate})
 * @param maxRate              highest high seen by the exit checks ({@code max_rate})
 * @param initialStopLoss      {@code initial_stop_loss_abs}
 * @param initialStopLossRatio {@code initial_stop_loss_ratio} (negative)
 * @param stopLoss             {@code stop_loss_abs}: the stop when the trade closed
 * @param stopLossRatio        {@code stop_loss_ratio}: the ratio that stop was computed with
 * @param orders               the filled orders in fill order
 * @param fundingFees          Freqtrade's {@code funding_fees}: the funding the trade received (negative: paid) over
 *                             its life, already in profit_abs; 0 outside futures or without funding data
 * @param liquidationPrice     Freqtrade's {@code liquidation_price} when the trade closed (after its last fill that left
 *                             it open); null when none is modelled (spot, cross margin)
 */
public record FreqtradeTrade(
        String pair,
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
        double leverage,
        BigDecimal minRate,
        BigDecimal maxRate,
        BigDecimal initialStopLoss,
        double initialStopLossRatio,
        BigDecimal stopLoss,
        double stopLossRatio,
        List<FreqtradeOrder> orders,
        BigDecimal fundingFees,
        BigDecimal liquidationPrice) {

    public FreqtradeTrade {
        orders = List.copyOf(orders);
        fundingFees = fundingFees == null ? BigDecimal.ZERO : fundingFees;
    }

    /** A trade without funding or liquidation price (spot). */
    public FreqtradeTrade(String pair, long openTime, long closeTime, BigDecimal openRate, BigDecimal closeRate,
                          BigDecimal amount, BigDecimal stakeAmount, BigDecimal feeOpen, BigDecimal feeClose,
                          double profitRatio, BigDecimal profitAbs, ExitType exitType, String exitReason,
                          String enterTag, boolean isShort, double leverage, BigDecimal minRate, BigDecimal maxRate,
                          BigDecimal initialStopLoss, double initialStopLossRatio, BigDecimal stopLoss,
                          double stopLossRatio, List<FreqtradeOrder> orders) {
        this(pair, openTime, closeTime, openRate, closeRate, amount, stakeAmount, feeOpen, feeClose, profitRatio,
                profitAbs, exitType, exitReason, enterTag, isShort, leverage, minRate, maxRate, initialStopLoss,
                initialStopLossRatio, stopLoss, stopLossRatio, orders, BigDecimal.ZERO, null);
    }

    /** Whole minutes between entry placement and exit. */
    public long durationMinutes() {
        return (closeTime - openTime) / 60_000L;
    }
}
