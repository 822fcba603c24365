package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Freqtrade's {@code _enter_trade} for a new trade: the entry price ({@code custom_entry_price}, clamped into the
 * candle), the stake from the shared wallet ({@code custom_stake_amount}, validated), the leverage, the amount
 * truncated to the lot size, and finally {@code confirm_trade_entry}.
 */
final class EntryStep {

    private final FreqtradeSettings settings;
    private final Book book;

    EntryStep(Book book) {
        this.settings = book.settings;
        this.book = book;
    }

    void enter(PairCursor cursor, Row row, boolean isShort, String tag) {
        FreqtradeCallbacks callbacks = settings.callbacks();
        double rate = entryRate(cursor, row, tag, isShort);
        double stake = book.wallet.tradeStake(book.open);
        if (Double.isNaN(stake)) {
            return; // Freqtrade: "Available balance is lower than stake amount" - no trade.
        }
        double leverage = leverage(cursor.pair, row, tag, isShort);
        double available = book.wallet.available(book.open);
        PairMarket market = cursor.data.market();
        // Freqtrade: get_min_pair_stake_amount(...) or 0, with a stoploss of -0.05 for a new trade
        Double min = market == null ? null : market.minStake(rate, -0.05, leverage);
        double minStake = min == null ? 0.0 : min;
        double maxStake = market == null ? Double.POSITIVE_INFINITY : market.maxStake(rate, leverage);
        Double custom = callbacks.customStakeAmount().stake(cursor.pair, row.time(), rate, stake, minStake,
                Math.min(available, maxStake), leverage, tag, isShort);
        stake = validateStake(custom, minStake, maxStake, available);
        if (!(stake > 0) || stake < minStake) {
            return;
        }
        BigDecimal amountStep = cursor.data.amountStep(settings);
        RunningTrade.Order order = newEntryOrder(rate, stake, leverage, row.time(), tag, amountStep);
        if (order == null) {
            return;
        }
        if (!callbacks.confirmTradeEntry().confirm(cursor.pair, settings.entryOrderType(), order.amount(), rate,
                row.time(), tag, isShort)) {
            return;
        }
        RunningTrade trade = new RunningTrade(book.nextTradeId(), cursor.pair, row.time(), isShort, leverage,
                settings.fee(), tag, cursor.data.priceTick(settings), amountStep, order,
                settings.tradingMode() == TradingMode.FUTURES ? cursor.data.funding() : null,
                settings.modelsLiquidation() ? new LiquidationPrice(settings.maintenanceMarginRate(), settings.fee(),
                        settings.liquidationBuffer()) : null);
        trade.initStopLoss(rate, settings.stoploss());
        book.opened(cursor, trade);
    }

    /** The candle open, or for limit entries {@code custom_entry_price} rounded to the tick and kept inside the candle. */
    double entryRate(PairCursor cursor, Row row, String tag, boolean isShort) {
        double rate = row.open();
        if (settings.entryOrderType() == OrderType.LIMIT) {
            Double custom = settings.callbacks().customEntryPrice().price(row.time(), rate, tag, isShort);
            if (custom != null && custom != rate) {
                requireValidPrice("custom_entry_price", custom, row);
                rate = FtMath.priceToPrecision(custom, cursor.data.priceTick(settings), RoundingMode.HALF_UP);
            }
            // A limit buy above the high would be a stop-entry, which Freqtrade does not do.
            rate = isShort ? Math.max(rate, row.low()) : Math.min(rate, row.high());
        }
        return rate;
    }

    /** Spot: 1. Otherwise the strategy's {@code leverage()} (callback or configured value), clamped to [1, max]. */
    private double leverage(String pair, Row row, String tag, boolean isShort) {
        FreqtradeCallbacks.Leverage hook = settings.callbacks().leverage();
        if (hook == null || settings.tradingMode() == TradingMode.SPOT) {
            return settings.effectiveLeverage();
        }
        Double requested = hook.leverage(pair, row.time(), row.open(), 1.0, settings.maxLeverage(), tag, isShort);
        return settings.effectiveLeverage(requested == null ? 1.0 : requested);
    }

    /**
     * Freqtrade's {@code validate_stake_amount}: no stake (or a negative one) means no trade; so does a minimum
     * stake above what may be staked (min(max stake, available)); a stake below the minimum is raised to it unless
     * that is more than 30 % up (then no trade); and a stake above what may be staked is cut to it.
     */
    static double validateStake(Double stake, double minStake, double maxStake, double available) {
        return validateStake(stake, minStake, maxStake, available, 0.0);
    }

    /**
     * The same for an entry added to a trade that already holds {@code tradeStake}: the trade as a whole must stay
     * within the maximum (Freqtrade: "Otherwise we could no longer exit"), so at most {@code maxStake − tradeStake}
     * is added; when that room is below the minimum stake nothing is.
     */
    static double validateStake(Double stake, double minStake, double maxStake, double available, double tradeStake) {
        if (stake == null || stake == 0.0 || Double.isNaN(stake) || stake < 0) {
            return 0;
        }
        double maxAllowed = Math.min(maxStake, available);
        if (tradeStake != 0.0) {
            maxAllowed = Math.min(maxAllowed, maxStake - tradeStake);
        }
        if (minStake > maxAllowed) {
            return 0;
        }
        if (stake < minStake) {
            if (stake * 1.3 < minStake) {
                return 0;
            }
            stake = minStake;
        }
        return Math.min(stake, maxAllowed);
    }

    /** amount = stake / rate × leverage, truncated to the amount step; null when nothing is left. */
    RunningTrade.Order newEntryOrder(double rate, double stake, double leverage, long time, String tag,
                                     BigDecimal amountStep) {
        double amount = FtMath.amountToPrecision((stake / rate) * leverage, amountStep);
        if (!(amount > 0)) {
            return null;
        }
        return new RunningTrade.Order(true, rate, amount, time, tag);
    }

    static void requireValidPrice(String callback, double price, Row row) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalStateException(callback + " returned " + price + " for the candle at "
                    + row.time() + "; a price must be a positive number (or null)");
        }
    }
}
