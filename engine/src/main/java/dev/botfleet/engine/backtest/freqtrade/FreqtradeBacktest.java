package dev.botfleet.engine.backtest.freqtrade;

import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Backtests one pair the way Freqtrade 2024.10's backtester does, so the trades match Freqtrade's trade for trade.
 * <p>
 * Per candle, in this order: (1) the open order of the open trade is timed out or re-priced, (2) a new entry is
 * placed at the candle open if the previous candle signalled one, (3) an open entry order fills if the candle traded
 * through its price, (4) a filled trade without open orders is checked for an exit (also on its entry candle),
 * (5) an open exit order fills if the candle traded through its price. Trades still open after the last candle are
 * force-exited at its open. Stateless: one instance can run many backtests, also concurrently.
 */
public final class FreqtradeBacktest {

    private final FreqtradeSettings settings;

    public FreqtradeBacktest(FreqtradeSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        this.settings = settings;
    }

    public FreqtradeSettings settings() {
        return settings;
    }

    /**
     * Runs the backtest. {@code signals} are unshifted (row i computed on candle i) and have one row per candle.
     */
    public FreqtradeResult run(CandleColumns candles, SignalColumns signals) {
        if (candles == null || signals == null) {
            throw new IllegalArgumentException("candles and signals are required");
        }
        if (signals.size() != candles.size()) {
            throw new IllegalArgumentException("signals have " + signals.size() + " rows but candles have "
                    + candles.size() + "; there must be one signal row per candle");
        }
        return new Run(candles, signals).execute();
    }

    /** The mutable state of one backtest run. */
    private final class Run {
        private final CandleColumns candles;
        private final SignalColumns signals;
        private final ExitRules exitRules = new ExitRules(settings);
        private final ExitPricing exitPricing;
        private final List<FreqtradeTrade> closed = new ArrayList<>();
        private RunningTrade trade;
        private int tradeIds;
        private double closedProfit;
        private int rejectedSignals;
        private int timedOutEntryOrders;
        private int timedOutExitOrders;
        private int canceledEntryOrders;
        private int replacedEntryOrders;
        private int canceledTradeEntries;

        Run(CandleColumns candles, SignalColumns signals) {
            this.candles = candles;
            this.signals = signals;
            this.exitPricing = new ExitPricing(settings, candles.timeframeMinutes());
        }

        FreqtradeResult execute() {
            // Startup rows are dropped after signals were computed; then the shift by one candle drops one more row.
            int first = settings.startupCandleCount() + 1;
            int last = candles.size() - 1;
            for (int i = first; i <= last; i++) {
                step(row(i), i - 1, i == last);
            }
            if (trade != null && first <= last) {
                forceExit(row(last));
            }
            return new FreqtradeResult(closed, rejectedSignals, timedOutEntryOrders, timedOutExitOrders,
                    canceledEntryOrders, replacedEntryOrders, canceledTradeEntries);
        }

        /** One candle; {@code s} is the signal row in force (the previous candle's). */
        private void step(Row row, int s, boolean lastRow) {
            if (trade != null && trade.openOrder != null) {
                manageOpenOrder(row);
            }
            Boolean direction = entryDirection(s);
            if (trade == null && !lastRow && direction != null) {
                if (slotAvailable()) {
                    enter(row, direction, signals.enterTag()[s]);
                } else {
                    rejectedSignals++;
                }
            }
            if (trade != null && trade.openOrder != null && trade.openOrder.entry()
                    && row.contains(trade.openOrder.price())) {
                trade.fillEntry(trade.openOrder);
            }
            if (trade != null && trade.openOrder == null && trade.hasFilled()) {
                placeExitIfDue(row, s);
            }
            if (trade != null && trade.openOrder != null && !trade.openOrder.entry()
                    && row.contains(trade.openOrder.price())) {
                close(row.time(), trade.openOrder.price());
            }
        }

        /** TRUE = long, FALSE = short, null = no entry. An opposite or exit signal on the same row blocks the entry. */
        private Boolean entryDirection(int s) {
            boolean enterLong = signals.enterLong()[s];
            boolean exitLong = signals.exitLong()[s];
            boolean enterShort = settings.canShort() && signals.enterShort()[s];
            boolean exitShort = settings.canShort() && signals.exitShort()[s];
            if (enterLong && !(exitLong || enterShort)) {
                return Boolean.TRUE;
            }
            if (enterShort && !(exitShort || enterLong)) {
                return Boolean.FALSE;
            }
            return null;
        }

        private boolean slotAvailable() {
            int open = trade == null ? 0 : 1;
            return settings.maxOpenTrades() < 0 || open < settings.maxOpenTrades();
        }

        private void enter(Row row, boolean isLong, String tag) {
            boolean isShort = !isLong;
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
            // One pair and no open trade: nothing is tied up, so the wallet is the starting balance plus profits.
            double available = (settings.startingBalance() + closedProfit) * settings.tradableBalanceRatio();
            double stake = settings.unlimitedStake()
                    ? Math.min(available / settings.maxOpenTrades(), available)
                    : settings.stakeAmount();
            if (!(stake > 0) || available < stake) {
                return; // Freqtrade: "Available balance is lower than stake amount" - no trade.
            }
            double leverage = settings.effectiveLeverage();
            RunningTrade.Order order = newEntryOrder(rate, stake, leverage, row.time());
            if (order == null) {
                return;
            }
            trade = new RunningTrade(++tradeIds, row.time(), isShort, leverage, settings.fee(), tag,
                    settings.priceTick(), order);
            trade.initStopLoss(rate, settings.stoploss());
        }

        /** amount = stake / rate × leverage, truncated to the amount step; null when nothing is left. */
        private RunningTrade.Order newEntryOrder(double rate, double stake, double leverage, long time) {
            double amount = FtMath.amountToPrecision((stake / rate) * leverage, settings.amountStep());
            if (!(amount > 0)) {
                return null;
            }
            return new RunningTrade.Order(true, rate, amount, time);
        }

        private void manageOpenOrder(Row row) {
            RunningTrade.Order order = trade.openOrder;
            Duration timeout = order.entry() ? settings.entryTimeout() : settings.exitTimeout();
            if (timeout != null && order.placedAt() < row.time() - timeout.toMillis()) {
                if (order.entry()) {
                    timedOutEntryOrders++;
                    trade = null; // nothing filled: the trade never existed
                } else {
                    timedOutExitOrders++;
                    trade.openOrder = null; // the exit is evaluated again on this candle
                    trade.exitType = null;
                    trade.exitReason = null;
                }
                return;
            }
            if (order.entry() && row.time() > order.placedAt()) {
                reprice(order, row);
            }
        }

        /** {@code adjust_entry_price}: same price keeps the order, another replaces it, null cancels it. */
        private void reprice(RunningTrade.Order order, Row row) {
            Double requested = settings.callbacks().adjustEntryPrice().price(trade, row.time(), row.open(), order.price());
            if (requested != null && requested == order.price()) {
                return;
            }
            trade.openOrder = null;
            canceledEntryOrders++;
            if (requested != null && requested != 0.0) {
                requireValidPrice("adjust_entry_price", requested, row);
                // The replacement keeps the stake of the remaining order and is not clamped to the candle.
                double stake = order.amount() * order.price() / trade.leverage;
                trade.openOrder = newEntryOrder(requested, stake, trade.leverage, row.time());
                if (trade.openOrder == null) {
                    trade = null;
                    return;
                }
                replacedEntryOrders++;
            } else {
                canceledTradeEntries++;
                trade = null;
            }
        }

        private void placeExitIfDue(Row row, int s) {
            boolean enter = trade.isShort ? signals.enterShort()[s] : signals.enterLong()[s];
            boolean exit = trade.isShort ? signals.exitShort()[s] : signals.exitLong()[s];
            long minutes = trade.minutesOpen(row.time());
            for (ExitRules.Candidate candidate : exitRules.candidates(trade, row, enter, exit, signals.exitTag()[s])) {
                double rate = exitPricing.closeRate(candidate.type(), trade, row, minutes);
                if (Double.isNaN(rate)) {
                    continue; // not allowed on this candle; the next candidate may be
                }
                if (candidate.type() == ExitType.EXIT_SIGNAL || candidate.type() == ExitType.CUSTOM_EXIT) {
                    rate = exitPricing.signalExitRate(trade, row, rate, candidate.reason());
                }
                double amount = FtMath.amountToPrecision(trade.amount, settings.amountStep());
                trade.openOrder = new RunningTrade.Order(false, rate, amount, row.time());
                trade.exitType = candidate.type();
                trade.exitReason = candidate.reason();
                return;
            }
        }

        private void forceExit(Row lastRow) {
            if (!trade.hasFilled()) {
                trade = null; // the entry never filled: Freqtrade drops it
                return;
            }
            trade.exitType = ExitType.FORCE_EXIT;
            trade.exitReason = ExitType.FORCE_EXIT.reason();
            close(lastRow.time(), lastRow.open());
        }

        private void close(long time, double rate) {
            closed.add(TradeClosing.close(trade, time, rate));
            closedProfit += closed.getLast().profitAbs().doubleValue();
            trade = null;
        }

        private Row row(int i) {
            return new Row(i, candles.openTime()[i], candles.open()[i], candles.high()[i], candles.low()[i],
                    candles.close()[i]);
        }

        private void requireValidPrice(String callback, double price, Row row) {
            if (!(price > 0) || Double.isInfinite(price)) {
                throw new IllegalStateException(callback + " returned " + price + " for the candle at "
                        + row.time() + "; a price must be a positive number (or null)");
            }
        }
    }
}
