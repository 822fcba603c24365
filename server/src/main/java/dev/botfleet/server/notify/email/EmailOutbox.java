package dev.botfleet.server.notify.email;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code email_outbox} table: alerts waiting to be mailed to their user's account address. */
@Repository
public class EmailOutbox {
    /** A queued alert with the address it goes to (read at send time: an email change is honoured). */
    public record Pending(long id, UUID userId, String email, String kind, String subject, String text, int attempts,
                          Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public EmailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: the alert is queued together with the change it reports. */
    public void queue(UUID userId, String kind, String subject, String text, Instant now) {
        jdbc.sql("""
                        INSERT INTO email_outbox (user_id, kind, subject, text, created_at, next_attempt_at)
                        VALUES (:u, :k, :s, :t, :now, :now)""")
                .param("u", userId).param("k", kind).param("s", clip(subject, 200)).param("t", clip(text, 4000))
                .param("now", Times.sql(now)).update();
    }

    /** Unsent rows whose next attempt is due, oldest first. */
    public List<Pending> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT o.id, o.user_id, u.email, o.kind, o.subject, o.text, o.attempts, o.created_at
                        FROM email_outbox o JOIN users u ON u.id = o.user_id
                        WHERE o.sent_at IS NULL AND o.failed_at IS NULL AND o.next_attempt_at <= :now
                        ORDER BY o.id LIMIT :n""")
                .param("now", Times.sql(now)).param("n", limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), Times.read(rs, "created_at")))
                .list();
    }

    public void sent(List<Long> ids, Instant now) {
        jdbc.sql("UPDATE email_outbox SET sent_at = :now, attempts = attempts + 1, last_error = NULL WHERE id IN (:ids)")
                .param("now", Times.sql(now)).param("ids", ids).update();
    }

    /** A failed attempt: retried at {@code next}, or failed for good when {@code next} is null. */
    public void attemptFailed(List<Long> ids, String error, Instant next, Instant now) {
        jdbc.sql("""
                        UPDATE email_outbox SET attempts = attempts + 1, last_error = :e,
                        next_attempt_at = COALESCE(:next, next_attempt_at), failed_at = :failed WHERE id IN (:ids)""")
                .param("e", clip(error, 300)).param("next", Times.sql(next))
                .param("failed", next == null ? Times.sql(now) : null).param("ids", ids).update();
    }

    private static String clip(String s, int max) {
        if (s == null) return null;
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
