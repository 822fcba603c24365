package dev.botfleet.engine.backtest.freqtrade;

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
        double rate = entryRate(row, tag, isShort);
        double stake = book.wallet.tradeStake(book.open);
        if (Double.isNaN(stake)) {
            return; // Freqtrade: "Available balance is lower than stake amount" - no trade.
        }
        double leverage = leverage(cursor.pair, row, tag, isShort);
        double available = book.wallet.available(book.open);
        Double custom = callbacks.customStakeAmount()
                .stake(cursor.pair, row.time(), rate, stake, 0.0, available, leverage, tag, isShort);
        stake = validateStake(custom, available);
        if (!(stake > 0)) {
            return;
        }
        RunningTrade.Order order = newEntryOrder(rate, stake, leverage, row.time(), tag);
        if (order == null) {
            return;
        }
        if (!callbacks.confirmTradeEntry().confirm(cursor.pair, settings.entryOrderType(), order.amount(), rate,
                row.time(), tag, isShort)) {
            return;
        }
        RunningTrade trade = new RunningTrade(book.nextTradeId(), cursor.pair, row.time(), isShort, leverage,
                settings.fee(), tag, settings.priceTick(), settings.amountStep(), order,
                settings.tradingMode() == TradingMode.FUTURES ? cursor.data.funding() : null);
        trade.initStopLoss(rate, settings.stoploss());
        book.opened(cursor, trade);
    }

    /** The candle open, or for limit entries {@code custom_entry_price} rounded to the tick and kept inside the candle. */
    double entryRate(Row row, String tag, boolean isShort) {
        double rate = row.open();
        if (settings.entryOrderType() == OrderType.LIMIT) {
            Double custom = settings.callbacks().customEntryPrice().price(row.time(), rate, tag, isShort);
            if (custom != null && custom != rate) {
                requireValidPrice("custom_entry_price", custom, row);
                rate = FtMath.priceToPrecision(custom, settings.priceTick(), RoundingMode.HALF_UP);
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
     * Freqtrade's {@code validate_stake_amount} without market limits (min stake 0, max stake unbounded): no stake
     * means no trade, a negative one too, and the stake is cut to the available balance.
     */
    static double validateStake(Double stake, double available) {
        if (stake == null || stake == 0.0 || Double.isNaN(stake)) {
            return 0;
        }
        if (0 > available || stake < 0) {
            return 0;
        }
        return Math.min(stake, available);
    }

    /** amount = stake / rate × leverage, truncated to the amount step; null when nothing is left. */
    RunningTrade.Order newEntryOrder(double rate, double stake, double leverage, long time, String tag) {
        double amount = FtMath.amountToPrecision((stake / rate) * leverage, settings.amountStep());
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
