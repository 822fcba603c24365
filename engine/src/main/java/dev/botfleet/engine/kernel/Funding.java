package dev.botfleet.engine.kernel;

import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.strategy.ActivityLevel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Books perpetual funding into a kernel: journal first (it is PnL, and must survive a restart like a fill), then the
 * position and the open deal, the exchange's wallet (paper), the activity log and the listener.
 */
final class Funding {
    private Funding() {
    }

    /** A rate fixing: what the bot's position pays or receives at that moment (nothing when flat or on spot). */
    static void settle(BotKernel k, Instant at, BigDecimal rate, BigDecimal markPrice) {
        if (!k.instrument.isPerpetual() || k.position.isFlat()) return;
        book(k, FundingPayment.of(k.instrument.symbol(), at, k.position.quantity(), markPrice, rate));
    }

    static void book(BotKernel k, FundingPayment payment) {
        if (!k.instrument.isPerpetual() || payment.amount().signum() == 0) return;
        k.journal.recordFunding(k.botId, payment);
        k.position.applyFunding(payment);
        k.deals.addFunding(payment.amount());
        k.port.settleFunding(payment);
        k.nowMillis = Math.max(k.nowMillis, payment.time().toEpochMilli());
        String settle = k.instrument.marginAsset();
        BigDecimal shown = payment.amount().setScale(Math.max(2, k.instrument.priceScale()), RoundingMode.HALF_EVEN);
        k.activity(ActivityLevel.INFO, "Funding: " + (payment.amount().signum() > 0 ? "received " : "paid ")
                + shown.abs().toPlainString() + " " + settle + " at rate "
                + payment.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "% (mark "
                + payment.markPrice().stripTrailingZeros().toPlainString() + ")");
        k.listener.onFunding(payment, k.context.position());
    }
}
