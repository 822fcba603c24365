package dev.botfleet.engine.backtest.report;

import java.time.LocalDate;

/**
 * One bucket of a day/week/month breakdown (Freqtrade's periodic_breakdown entry). Wins, draws and losses count
 * profit_abs &gt; 0, = 0, &lt; 0 (Freqtrade's key for losses is "loses").
 *
 * @param label     the bucket's label date (see {@link Period})
 * @param date      Freqtrade's text form, dd/MM/yyyy
 * @param dateTs    the label date's midnight in the report's zone, epoch ms
 * @param profitAbs sum of profit_abs, rounded to 10 decimals (numpy rounding); 0 for an empty bucket
 * @param winrate   wins / trades, 0 for an empty bucket
 */
public record PeriodStats(LocalDate label, String date, long dateTs, double profitAbs, int wins, int draws,
                          int losses, double winrate) {

    public int trades() {
        return wins + draws + losses;
    }
}
