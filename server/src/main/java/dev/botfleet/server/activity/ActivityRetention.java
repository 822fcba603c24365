package dev.botfleet.server.activity;

import dev.botfleet.server.common.HourlyPrune;
import dev.botfleet.server.common.Ids;
import dev.botfleet.server.common.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the activity log from growing without end: a trading bot writes thousands of lines an hour (every order placed,
 * filled, canceled), so a fleet's log grows by gigabytes a week. Lines older than {@code botfleet.activity.retention}
 * (default 30 days) are deleted, hourly, on this component's own thread, never on a bot's turn; {@code 0} keeps them all.
 *
 * <p>A line's id is time-ordered ({@link Ids}), so the old lines are the primary key's first entries: each batch deletes
 * the oldest {@value #BATCH} by the primary key, in its own transaction — no scan of the table, no long lock, and the
 * fleet's writes go on between batches. The line's own time is checked too, so no line younger than the retention
 * goes, whatever clock made its id.
 */
@Component
public class ActivityRetention extends HourlyPrune {
    static final int BATCH = 10_000;

    private final JdbcClient jdbc;

    public ActivityRetention(JdbcClient jdbc, Clock clock,
                             @Value("${botfleet.activity.retention:30d}") Duration retention) {
        super("activity log", clock, retention);
        if (retention.isNegative()) {
            throw new IllegalArgumentException("botfleet.activity.retention must be 0 (keep every line) or positive, was "
                    + retention);
        }
        this.jdbc = jdbc;
    }

    /** Deletes the lines older than the retention, batch by batch; returns how many (0 when every line is kept). */
    @Override
    public int prune() {
        if (!enabled()) return 0;
        Instant cutoff = cutoff();
        UUID before = Ids.earliestOf(cutoff.toEpochMilli());
        int deleted = 0;
        while (!stopping()) {  // a shutdown ends it between batches
            // the batch's last line: two range reads of the primary key (H2 runs "id IN (subquery)" row by row)
            UUID last = jdbc.sql("SELECT id FROM activity_logs WHERE id < :before ORDER BY id OFFSET :skip ROWS"
                            + " FETCH NEXT 1 ROW ONLY")
                    .param("before", before).param("skip", BATCH - 1).query(UUID.class).optional().orElse(null);
            if (last == null) {
                return deleted + jdbc.sql("DELETE FROM activity_logs WHERE id < :before AND created_at < :cutoff")
                        .param("before", before).param("cutoff", Times.sql(cutoff)).update();
            }
            int batch = jdbc.sql("DELETE FROM activity_logs WHERE id <= :last AND created_at < :cutoff")
                    .param("last", last).param("cutoff", Times.sql(cutoff)).update();
            if (batch == 0) return deleted;  // a whole batch of lines whose ids are old but whose times are not
            deleted += batch;
        }
        return deleted;
    }
}
