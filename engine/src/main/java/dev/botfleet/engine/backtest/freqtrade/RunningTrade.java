package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One trade while the backtest runs (Freqtrade's LocalTrade, single entry order): the open order if any, the filled
 * entry, the stop. Mutable because Freqtrade's rules are stated as updates; it never leaves the package — results are
 * copied into {@link FreqtradeTrade}.
 */
final class RunningTrade implements TradeView {

    /** A resting order: Freqtrade keeps at most one open order per trade in a backtest. {@code tag} is ft_order_tag. */
    record Order(boolean entry, double price, double amount, long placedAt, String tag) {
    }

    final int id;
    final String pair;
    final long openTime;
    final boolean isShort;
    final double leverage;
    final double fee;
    final String enterTag;
    final BigDecimal priceTick;
    final BigDecimal amountStep;

    double openRate;
    double amount;
    double stakeAmount;
    double openTradeValue;
    int filledEntries;
    int partialExits;
    /** Profit already taken by partial exits (Freqtrade's {@code realized_profit}); 0 without position adjustment. */
    double realizedProfit;
    Order openOrder;

    /** Lowest low / highest high seen by the exit checks; NaN until the first one (Freqtrade's None). */
    double minRate = Double.NaN;
    double maxRate = Double.NaN;
    final List<FreqtradeOrder> filledOrders = new ArrayList<>();

    double stopLoss;
    double stopLossPct;
    double initialStopLoss;
    double initialStopLossPct;
    private boolean initialStopSet;
    boolean stopIsTrailing;

    ExitType exitType;
    String exitReason;

    /** A futures trade's funding rates and marks; null = no funding is booked (spot, margin, or no data). */
    final FundingData funding;
    /** Σ funding booked onto filled orders (Freqtrade's {@code order.funding_fee}). */
    double fundingOfOrders;
    /** Funding since the last fill, as of the last funding time looked at ({@code funding_fee_running}). */
    double fundingRunning;
    /** What the profit calculations add to the close value: Freqtrade's {@code trade.funding_fees}. */
    double fundingFees;
    /** Freqtrade's {@code date_last_filled_utc}: funding is summed from here. */
    private long lastFilled;

    /** How the liquidation price is computed; null = none is modelled (spot, margin, cross futures). */
    private final LiquidationPrice liquidation;
    /** Freqtrade's {@code liquidation_price}: set after each fill that leaves the trade open; NaN until then (None). */
    double liquidationPrice = Double.NaN;

    RunningTrade(int id, String pair, long openTime, boolean isShort, double leverage, double fee, String enterTag,
                  BigDecimal priceTick, BigDecimal amountStep, Order entryOrder, FundingData funding,
                  LiquidationPrice liquidation) {
        this.amountStep = amountStep;
        this.liquidation = liquidation;
        this.funding = funding;
        this.lastFilled = openTime;
        this.id = id;
        this.pair = pair;
        this.openTime = openTime;
        this.isShort = isShort;
        this.leverage = leverage;
        this.fee = fee;
        this.enterTag = enterTag;
        this.priceTick = priceTick;
        this.openRate = entryOrder.price();
        this.openOrder = entryOrder;
        // Freqtrade books the stake when the order is placed (it counts against the wallet while unfilled).
        this.stakeAmount = entryOrder.amount() * entryOrder.price() / leverage;
    }

    /** The entry order filled at the candle starting {@code time}: the trade now holds its amount at the order price. */
    void fillEntry(Order order, long time) {
        fundingOnFill(time);
        applyEntry(order, time);
        runFunding(time, true);  // Freqtrade's _try_close_open_order: after the trade was recomputed
        updateLiquidationPrice();
    }

    private void applyEntry(Order order, long time) {
        record(order, time);
        if (filledEntries > 0) {
            // A position adjustment: Freqtrade recomputes the trade from all its orders.
            openOrder = null;
            filledEntries++;
            OrderReplay.recalc(this, false);
            return;
        }
        openRate = order.price();
        amount = order.amount();
        stakeAmount = FtMath.product(order.price(), order.amount()) / leverage;
        openTradeValue = openTradeValue(amount, openRate);
        openOrder = null;
        filledEntries++;
        if (filledEntries == 1) {
            // The stop set when the order was placed used the order price; the first fill restarts it from the fill
            // price and it is not trailing (otherwise a replaced, higher entry order would look like a trailing move).
            initialStopSet = false;
            stopIsTrailing = false;
            adjustStopLoss(openRate, stopLossPct);
        }
    }

    /** Adds {@code order}, filled at {@code time}, to the trade's order list. */
    void record(Order order, long time) {
        filledOrders.add(new FreqtradeOrder(order.entry() ? FreqtradeOrder.Side.ENTRY : FreqtradeOrder.Side.EXIT,
                FtMath.exact(order.price()), FtMath.exact(order.amount()),
                FtMath.exact(FtMath.product(order.amount(), order.price())), order.placedAt(), time, order.tag()));
    }

    /** Freqtrade's {@code adjust_min_max_rates}, run at the start of every exit check. */
    void adjustMinMaxRates(double high, double low) {
        maxRate = Math.max(high, Double.isNaN(maxRate) ? openRate : maxRate);
        minRate = Math.min(low, Double.isNaN(minRate) ? openRate : minRate);
    }

    /** A partial exit (position adjustment) filled: amount, stake and realized profit are recomputed. */
    void fillPartialExit(Order order, long time) {
        fundingOnFill(time);
        runFunding(time, true);  // Freqtrade does this before recomputing the trade: still the amount before the exit
        updateLiquidationPrice();  // likewise on the amount and stake before the exit (the ratio is the same)
        record(order, time);
        openOrder = null;
        partialExits++;
        OrderReplay.recalc(this, false);
        if (funding != null) fundingFees = fundingOfOrders;  // recalc_trade_from_orders leaves the running part out
    }

    /**
     * Freqtrade's {@code close_bt_order}: the funding accrued since the last fill is booked onto the order that just
     * filled at {@code time}, and later funding is summed from then on.
     */
    void fundingOnFill(long time) {
        if (funding == null) return;
        fundingOfOrders += fundingRunning;
        fundingRunning = 0;
        fundingFees = fundingOfOrders;
        lastFilled = Math.max(openTime, time);
    }

    /**
     * Freqtrade's {@code _run_funding_fees}: at a funding time (or, {@code force}d, at a fill) the funding since the
     * last fill is recomputed over the current amount.
     */
    void runFunding(long now, boolean force) {
        if (funding == null || !(force || funding.isFundingTime(now))) return;
        fundingRunning = funding.fees(amount, isShort, lastFilled, now);
        fundingFees = fundingOfOrders + fundingRunning;
    }

    /**
     * Freqtrade's {@code update_liquidation_prices} in isolated margin, run after every fill that leaves the trade
     * open: the price is recomputed from the trade's (new) open rate, stake and amount.
     */
    private void updateLiquidationPrice() {
        if (liquidation != null && amount > 0) {
            liquidationPrice = liquidation.of(openRate, stakeAmount, amount, isShort);
        }
    }

    /**
     * Whether the candle reached the liquidation price: a long's low at or below it, a short's high at or above it.
     * A price of 0 (a long that cannot be liquidated) never triggers, as Freqtrade's truthiness test has it.
     */
    boolean liquidationReached(Row row) {
        if (Double.isNaN(liquidationPrice) || liquidationPrice == 0.0) return false;
        return isShort ? liquidationPrice <= row.high() : liquidationPrice >= row.low();
    }

    /** True once the trade has more than its first entry and final exit: results come from {@link OrderReplay}. */
    boolean adjusted() {
        return filledEntries > 1 || partialExits > 0;
    }

    boolean hasFilled() {
        return filledEntries > 0;
    }

    double openTradeValue(double qty, double rate) {
        return FtMath.valueWithFee(qty, rate, fee, !isShort);
    }

    /** Value of closing the whole amount at {@code rate} after the fee; futures add the funding received (paid). */
    double closeValue(double rate) {
        return withFunding(FtMath.valueWithFee(amount, rate, fee, isShort), fundingFees);
    }

    /** Freqtrade's futures {@code calc_close_trade_value}: a long adds its funding, a short subtracts it. */
    double withFunding(double closeValue, double fundingFees) {
        if (funding == null) return closeValue;
        return isShort ? closeValue - fundingFees : closeValue + fundingFees;
    }

    @Override
    public double profitRatioAt(double rate) {
        double closeValue = closeValue(rate);
        if ((isShort && closeValue == 0.0) || (!isShort && openTradeValue == 0.0)) {
            return 0.0;
        }
        double ratio = isShort ? 1 - (closeValue / openTradeValue) : (closeValue / openTradeValue) - 1;
        return FtMath.round8(ratio * leverage);
    }

    /**
     * Sets the first stop from {@code price}, or later moves it in the trade's favour only (never back), marking it
     * trailing. Stops round away from the market: up for longs, down for shorts.
     */
    void adjustStopLoss(double price, double stoploss) {
        double distance = Math.abs(stoploss / leverage);
        double raw = isShort ? price * (1 + distance) : price * (1 - distance);
        double stop = FtMath.priceToPrecision(raw, priceTick, isShort ? RoundingMode.DOWN : RoundingMode.UP);
        if (!initialStopSet) {
            initialStopSet = true;
            stopLoss = stop;
            stopLossPct = -Math.abs(stoploss);
            initialStopLoss = stop;
            initialStopLossPct = stopLossPct;
            return;
        }
        boolean better = isShort ? stop < stopLoss : stop > stopLoss;
        if (better) {
            stopIsTrailing = true;
            stopLoss = stop;
            stopLossPct = -Math.abs(stoploss);
        }
    }

    /** Sets the initial stop when the entry order is placed; a trade that already has one keeps it. */
    void initStopLoss(double price, double stoploss) {
        if (!initialStopSet) {
            adjustStopLoss(price, stoploss);
        }
    }

    /** Whole minutes since the trade opened (the entry order's candle), as Freqtrade's {@code trade_dur}. */
    long minutesOpen(long now) {
        return Math.floorDiv(now - openTime, 60_000L);
    }

    @Override
    public String pair() {
        return pair;
    }

    @Override
    public long openTime() {
        return openTime;
    }

    @Override
    public double openRate() {
        return openRate;
    }

    @Override
    public double amount() {
        return amount;
    }

    @Override
    public double leverage() {
        return leverage;
    }

    @Override
    public boolean isShort() {
        return isShort;
    }

    @Override
    public String enterTag() {
        return enterTag;
    }

    @Override
    public double stopLoss() {
        return stopLoss;
    }
}
