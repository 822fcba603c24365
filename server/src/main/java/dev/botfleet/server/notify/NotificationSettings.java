package dev.botfleet.server.notify;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The {@code notification_settings} table: the daily summary's hour and the user's time zone. No row: no summary, UTC. */
@Repository
public class NotificationSettings {
    /** {@code summaryHour} null: no daily summary. */
    public record Settings(Integer summaryHour, ZoneId timeZone, LocalDate lastSummaryDay) {
        public static final Settings NONE = new Settings(null, ZoneId.of("UTC"), null);
    }

    /** A user who asked for a daily summary. */
    public record SummaryUser(UUID userId, int hour, ZoneId timeZone, LocalDate lastSummaryDay) {
    }

    private final JdbcClient jdbc;

    public NotificationSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Settings of(UUID userId) {
        return jdbc.sql("SELECT daily_summary_hour, time_zone, last_summary_day FROM notification_settings WHERE user_id = :u")
                .param("u", userId)
                .query((rs, n) -> {
                    int hour = rs.getInt(1);
                    Integer h = rs.wasNull() ? null : hour;
                    Date last = rs.getDate(3);
                    return new Settings(h, ZoneId.of(rs.getString(2)), last == null ? null : last.toLocalDate());
                }).optional().orElse(Settings.NONE);
    }

    /** Saves hour and zone; the last summary day stays. */
    public void save(UUID userId, Integer hour, ZoneId zone) {
        if (jdbc.sql("UPDATE notification_settings SET daily_summary_hour = :h, time_zone = :z WHERE user_id = :u")
                .param("u", userId).param("h", hour, java.sql.Types.INTEGER).param("z", zone.getId()).update() == 0) {
            jdbc.sql("INSERT INTO notification_settings (user_id, daily_summary_hour, time_zone) VALUES (:u, :h, :z)")
                    .param("u", userId).param("h", hour, java.sql.Types.INTEGER).param("z", zone.getId()).update();
        }
    }

    public List<SummaryUser> summaryUsers() {
        return jdbc.sql("""
                        SELECT user_id, daily_summary_hour, time_zone, last_summary_day FROM notification_settings
                        WHERE daily_summary_hour IS NOT NULL""")
                .query((rs, n) -> {
                    Date last = rs.getDate(4);
                    return new SummaryUser(rs.getObject(1, UUID.class), rs.getInt(2), ZoneId.of(rs.getString(3)),
                            last == null ? null : last.toLocalDate());
                }).list();
    }

    /**
     * Claims the day's summary for the user: true for exactly one caller per user and day (a conditional update), so
     * two passes, or two servers on one database, never send it twice.
     */
    public boolean claimSummary(UUID userId, LocalDate day) {
        return jdbc.sql("""
                        UPDATE notification_settings SET last_summary_day = :d
                        WHERE user_id = :u AND (last_summary_day IS NULL OR last_summary_day < :d)""")
                .param("u", userId).param("d", Date.valueOf(day)).update() == 1;
    }
}
