package dev.botfleet.engine.backtest.freqtrade;

import java.math.RoundingMode;
import java.util.Map;

/**
 * The price an exit order is placed at, per exit type (Freqtrade's {@code _get_close_rate*}). A backtest never exits
 * outside the candle; where the price path inside the candle is unknown the rules assume the worst realistic case.
 * Returns {@link Double#NaN} when the exit is not allowed on this candle (Freqtrade's ValueError, issue #6261).
 */
final class ExitPricing {

    private final FreqtradeSettings settings;
    private final long timeframeMinutes;

    ExitPricing(FreqtradeSettings settings, long timeframeMinutes) {
        this.settings = settings;
        this.timeframeMinutes = timeframeMinutes;
    }

    double closeRate(ExitType type, RunningTrade trade, Row row, long tradeMinutes) {
        return switch (type) {
            case STOP_LOSS, TRAILING_STOP_LOSS -> stoplossRate(type, trade, row, tradeMinutes);
            case LIQUIDATION -> liquidationRate(trade, row);
            case ROI -> roiRate(trade, row, tradeMinutes);
            case EXIT_SIGNAL, CUSTOM_EXIT, FORCE_EXIT, PARTIAL_EXIT -> row.open();
        };
    }

    /** Exit-signal and custom exits at a limit price: {@code custom_exit_price}, never below the low (long). */
    double signalExitRate(RunningTrade trade, Row row, double proposed, String reason) {
        double rate = proposed;
        if (settings.exitOrderType() == OrderType.LIMIT) {
            double profit = trade.profitRatioAt(proposed);
            Double custom = settings.callbacks().customExitPrice().price(trade, row.time(), proposed, profit, reason);
            if (custom != null && custom != proposed) {
                rate = FtMath.priceToPrecision(custom, trade.priceTick, RoundingMode.HALF_UP);
            }
            // Exiting below the low would be a stop order, which Freqtrade does not place; above the high it waits.
            rate = trade.isShort ? Math.min(rate, row.high()) : Math.max(rate, row.low());
        }
        return rate;
    }

    private double stoplossRate(ExitType type, RunningTrade trade, Row row, long tradeMinutes) {
        // The candle opened beyond the stop (a gap, or a cancelled exit left the stop behind): exit at the open.
        if (trade.isShort ? trade.stopLoss < row.low() : trade.stopLoss > row.high()) {
            return row.open();
        }
        if (type == ExitType.TRAILING_STOP_LOSS && tradeMinutes == 0) {
            // Trailing armed and hit on the entry candle: assume the price rose just enough to arm it, then fell.
            double side = trade.isShort ? -1 : 1;
            double leverage = trade.leverage;
            Double positive = settings.trailingStopPositive();
            double stopRate;
            if (!settings.useCustomStoploss() && settings.trailingOnlyOffsetIsReached()
                    && positive != null && positive != 0.0) {
                stopRate = row.open() * (1 + side * Math.abs(settings.trailingStopPositiveOffset())
                        - side * Math.abs(positive / leverage));
            } else {
                stopRate = row.open() * (1 - side * Math.abs(trade.stopLossPct / leverage));
            }
            return trade.isShort ? Math.min(row.high(), stopRate) : Math.max(row.low(), stopRate);
        }
        return trade.stopLoss;
    }

    /** Exactly the liquidation price, or the open when the candle opened beyond it (as a stop). */
    private static double liquidationRate(RunningTrade trade, Row row) {
        double price = trade.liquidationPrice;
        return (trade.isShort ? price < row.low() : price > row.high()) ? row.open() : price;
    }

    private double roiRate(RunningTrade trade, Row row, long tradeMinutes) {
        Map.Entry<Integer, Double> step = settings.minimalRoi().stepAt(tradeMinutes);
        if (step == null) {
            return row.open();
        }
        int roiMinutes = step.getKey();
        double roi = step.getValue();
        boolean stepOnCandleOpen = roiMinutes % timeframeMinutes == 0;
        if (roi == -1 && stepOnCandleOpen) {
            // roi = -1 is a time limit; when it starts on a candle open the trade leaves at that open.
            return row.open();
        }
        double side = trade.isShort ? -1 : 1;
        // The price that yields exactly `roi` after both fees.
        double roiRate = trade.openRate * roi / trade.leverage;
        double openFeeRate = side * trade.openRate * (1 + side * trade.fee);
        double closeRate = -(roiRate + openFeeRate) / (trade.fee - side * 1);
        boolean openAlreadyBeyond = trade.isShort ? row.open() < closeRate : row.open() > closeRate;
        if (tradeMinutes > 0 && tradeMinutes == roiMinutes && stepOnCandleOpen && openAlreadyBeyond) {
            // A new, lower ROI step starts at this candle and the open already satisfies it.
            return row.open();
        }
        if (tradeMinutes == 0 && enteredInsideWickBeyondClose(trade, row, closeRate)) {
            return Double.NaN;
        }
        return Math.min(Math.max(closeRate, row.low()), row.high());
    }

    /**
     * Issue #6261: a long entered below the open of a red candle cannot also take ROI above that candle's close — the
     * entry must have happened on the way down, after any high (mirrored for shorts on green candles).
     */
    private static boolean enteredInsideWickBeyondClose(RunningTrade trade, Row row, double closeRate) {
        if (trade.isShort) {
            return row.open() < row.close() && trade.openRate > row.open() && closeRate < row.close();
        }
        return row.open() > row.close() && trade.openRate < row.open() && closeRate > row.close();
    }
}
