package dev.botfleet.engine.sim;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.FundingPayment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A linear perpetual with isolated margin, settled in the instrument's settle asset (USDT). The wallet's total is the
 * deposit plus realized PnL minus fees plus funding; what is reserved in it is the position's initial margin
 * ({@code |quantity| × entry / leverage}) and the margin of working orders that would open or grow the position. So
 * the free balance the risk checks read is what a new position could still use.
 *
 * <p>Worked example (leverage 10, taker 0.05 %): a short of 0.1 BTC sold at 50,000 locks 500 USDT and pays 2.5 fee;
 * bought back at 49,000 it realizes 100, releases the 500 and pays 2.45: the wallet ends 95.05 up.
 */
final class PerpetualSettlement implements SimSettlement {
    private static final int MARGIN_SCALE = 12;
    private final Instrument instrument;
    private final SimAccount account;
    private final BigDecimal leverage;
    private final BigDecimal maxFee;
    private final String settle;
    /** Signed position in base, its cost (|quantity| × average entry) and the margin it locks. */
    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal margin = BigDecimal.ZERO;

    PerpetualSettlement(Instrument instrument, SimAccount account, MarginSettings settings) {
        this.instrument = instrument;
        this.account = account;
        this.leverage = settings.leverage();
        this.maxFee = instrument.makerFee().max(instrument.takerFee());
        this.settle = instrument.marginAsset();
    }

    /**
     * An order against the position (a sell while long, a buy while short) no larger than it reserves nothing: it can
     * only free margin. Anything else reserves initial margin plus the fee for its whole quantity.
     */
    @Override
    public Reserve reserveFor(OrderSide side, BigDecimal qty, BigDecimal price) {
        boolean reduces = side == OrderSide.SELL ? quantity.signum() > 0 : quantity.signum() < 0;
        if ((reduces && qty.compareTo(quantity.abs()) <= 0) || price == null) return new Reserve(settle, BigDecimal.ZERO);
        BigDecimal perUnit = price.divide(leverage, MARGIN_SCALE, RoundingMode.UP).add(price.multiply(maxFee));
        return new Reserve(settle, perUnit);
    }

    @Override
    public void settle(OrderSide side, BigDecimal qty, BigDecimal price, BigDecimal fee) {
        int sign = side == OrderSide.BUY ? 1 : -1;
        BigDecimal rest = qty;
        if (quantity.signum() != 0 && quantity.signum() != sign) {
            BigDecimal open = quantity.abs();
            BigDecimal closing = qty.min(open);
            boolean all = closing.compareTo(open) == 0;
            BigDecimal costOut = all ? cost : cost.multiply(closing).divide(open, MARGIN_SCALE, RoundingMode.HALF_EVEN);
            BigDecimal marginOut = all ? margin : margin.multiply(closing).divide(open, MARGIN_SCALE, RoundingMode.HALF_EVEN);
            BigDecimal value = closing.multiply(price);
            BigDecimal pnl = quantity.signum() > 0 ? value.subtract(costOut) : costOut.subtract(value);
            account.add(settle, pnl);
            account.release(settle, marginOut);
            cost = cost.subtract(costOut);
            margin = margin.subtract(marginOut);
            quantity = quantity.add(BigDecimal.valueOf(sign).multiply(closing));
            rest = qty.subtract(closing);
        }
        if (rest.signum() > 0) {
            BigDecimal added = rest.multiply(price).divide(leverage, MARGIN_SCALE, RoundingMode.UP);
            account.reserve(settle, added);
            margin = margin.add(added);
            cost = cost.add(rest.multiply(price));
            quantity = quantity.add(BigDecimal.valueOf(sign).multiply(rest));
        }
        account.add(settle, fee.negate());
        if (quantity.signum() == 0) {
            cost = BigDecimal.ZERO;
            margin = BigDecimal.ZERO;
        }
    }

    @Override
    public String feeAsset() { return settle; }

    @Override
    public void settleFunding(FundingPayment payment) {
        account.add(settle, payment.amount());
    }

    /** The position this paper account holds (signed, base asset). */
    BigDecimal quantity() { return quantity; }

    /** The initial margin the position locks. */
    BigDecimal margin() { return margin; }
}
