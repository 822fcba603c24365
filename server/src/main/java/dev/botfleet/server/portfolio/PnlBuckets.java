package dev.botfleet.server.portfolio;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * Realized PnL summed per day, week (Monday to Sunday, ISO) and month of one time zone. Only periods with realized
 * PnL appear; each is keyed by its first day.
 */
final class PnlBuckets {
    private final ZoneId zone;
    private final Map<LocalDate, BigDecimal> daily = new TreeMap<>();
    private final Map<LocalDate, BigDecimal> weekly = new TreeMap<>();
    private final Map<LocalDate, BigDecimal> monthly = new TreeMap<>();

    PnlBuckets(ZoneId zone) {
        this.zone = zone;
    }

    void add(Instant time, BigDecimal amount) {
        LocalDate day = time.atZone(zone).toLocalDate();
        daily.merge(day, amount, BigDecimal::add);
        weekly.merge(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), amount, BigDecimal::add);
        monthly.merge(day.withDayOfMonth(1), amount, BigDecimal::add);
    }

    Map<LocalDate, BigDecimal> daily() {
        return daily;
    }

    Map<LocalDate, BigDecimal> weekly() {
        return weekly;
    }

    Map<LocalDate, BigDecimal> monthly() {
        return monthly;
    }
}
