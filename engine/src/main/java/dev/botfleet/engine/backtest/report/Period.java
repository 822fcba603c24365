package dev.botfleet.engine.backtest.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar buckets of Freqtrade's breakdowns (pandas resample rules "1d", "1W-MON", "1ME"), in a time zone.
 * A bucket is named by the local date of its label as pandas labels it:
 * <ul>
 *   <li>day: the day itself;</li>
 *   <li>week: weeks END on Monday ("W-MON" with pandas' right-closed, right-labelled bins), so a bucket holds
 *       Tuesday to Monday and is labelled by that Monday (Freqtrade's "Weekly defaulting to Monday");</li>
 *   <li>month: the whole calendar month, labelled by its last day ("ME" = month end).</li>
 * </ul>
 */
public enum Period {
    DAY, WEEK, MONTH;

    /** The label date of the bucket that holds {@code epochMs} in {@code zone}. */
    LocalDate label(long epochMs, ZoneId zone) {
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(epochMs), zone);
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** The label after {@code label}: pandas emits every bucket between the first and the last, empty ones too. */
    LocalDate next(LocalDate label) {
        return switch (this) {
            case DAY -> label.plusDays(1);
            case WEEK -> label.plusWeeks(1);
            case MONTH -> label.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** Freqtrade's name of the breakdown ("day", "week", "month"). */
    public String freqtradeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
