package dev.botfleet.server.notify.webhook;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code webhook_deliveries} table: the outbox the sender works through, and the log users read. */
@Repository
public class WebhookDeliveries {
    /** A row of the log. {@code status} is PENDING, DELIVERED or FAILED. */
    public record Delivery(long id, UUID webhookId, String event, String status, int attempts, Integer lastStatusCode,
                           String lastError, Instant nextAttemptAt, Instant deliveredAt, Instant failedAt,
                           Instant createdAt) {
    }

    /** What the sender needs to POST a row. */
    public record Due(long id, UUID webhookId, String event, String payload, int attempts, String url) {
    }

    private final JdbcClient jdbc;

    public WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: the delivery is queued together with the change it reports. */
    public void queue(UUID webhookId, WebhookEvent event, String payload, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (webhook_id, event_type, payload, created_at, next_attempt_at)
                        VALUES (:w, :e, :p, :now, :now)""")
                .param("w", webhookId).param("e", event.name()).param("p", payload).param("now", Times.sql(now)).update();
    }

    /** Pending rows of enabled webhooks whose next attempt is due, oldest first. */
    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.webhook_id, d.event_type, d.payload, d.attempts, w.url
                        FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                        WHERE d.delivered_at IS NULL AND d.failed_at IS NULL AND d.next_attempt_at <= :now AND w.enabled
                        ORDER BY d.id LIMIT :n""")
                .param("now", Times.sql(now)).param("n", limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)))
                .list();
    }

    public void delivered(long id, int statusCode, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = :s, last_error = NULL,
                        delivered_at = :now, next_attempt_at = NULL WHERE id = :id""")
                .param("s", statusCode).param("now", Times.sql(now)).param("id", id).update();
    }

    /** A failed attempt: retried at {@code next}, or failed for good when {@code next} is null. */
    public void attemptFailed(long id, Integer statusCode, String error, Instant next, Instant now) {
        String e = error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
        jdbc.sql("""
                        UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = :s, last_error = :e,
                        next_attempt_at = :next, failed_at = :failed WHERE id = :id""")
                .param("s", statusCode).param("e", e).param("next", Times.sql(next))
                .param("failed", next == null ? Times.sql(now) : null).param("id", id).update();
    }

    /** The newest rows of one webhook first. */
    public List<Delivery> log(UUID webhookId, int limit) {
        return jdbc.sql("""
                        SELECT id, webhook_id, event_type, attempts, last_status, last_error, next_attempt_at,
                        delivered_at, failed_at, created_at FROM webhook_deliveries WHERE webhook_id = :w
                        ORDER BY id DESC LIMIT :n""")
                .param("w", webhookId).param("n", limit).query(WebhookDeliveries::map).list();
    }

    private static Delivery map(ResultSet rs, int n) throws SQLException {
        Instant delivered = Times.read(rs, "delivered_at");
        Instant failed = Times.read(rs, "failed_at");
        int code = rs.getInt("last_status");
        Integer status = rs.wasNull() ? null : code;
        return new Delivery(rs.getLong("id"), rs.getObject("webhook_id", UUID.class), rs.getString("event_type"),
                delivered != null ? "DELIVERED" : failed != null ? "FAILED" : "PENDING", rs.getInt("attempts"), status,
                rs.getString("last_error"), Times.read(rs, "next_attempt_at"), delivered, failed,
                Times.read(rs, "created_at"));
    }
}
