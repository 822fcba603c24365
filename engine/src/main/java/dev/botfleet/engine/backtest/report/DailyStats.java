package dev.botfleet.engine.backtest.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Freqtrade's generate_daily_stats over the day buckets (every day from the first to the last close, empty days
 * included, so an empty day counts as a draw day as in Freqtrade). The best/worst values are null without trades
 * (Freqtrade shows 0).
 *
 * @param bestDay     largest daily sum of profit_ratio
 * @param worstDay    smallest daily sum of profit_ratio
 * @param bestDayAbs  largest daily sum of profit_abs (rounded to 10 decimals)
 * @param worstDayAbs smallest daily sum of profit_abs
 * @param dailyProfit each day and its profit_abs sum (Freqtrade's daily_profit list)
 */
public record DailyStats(Double bestDay, Double worstDay, Double bestDayAbs, Double worstDayAbs, int winningDays,
                         int drawDays, int losingDays, List<DayProfit> dailyProfit) {

    public DailyStats {
        dailyProfit = List.copyOf(dailyProfit);
    }

    /** One day's profit_abs sum. */
    public record DayProfit(LocalDate day, double profitAbs) {
    }
}
