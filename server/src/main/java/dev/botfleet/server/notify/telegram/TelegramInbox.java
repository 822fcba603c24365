package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.common.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** Webhook mode's received updates (V37): stored before Telegram gets its 200, handled once, in update_id order. */
@Repository
public class TelegramInbox {
    public record Update(long updateId, String body) {
    }

    private final JdbcClient jdbc;

    public TelegramInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this update_id was received before (Telegram retrying it): nothing is stored then. */
    public boolean add(long updateId, String body, Instant now) {
        try {
            return jdbc.sql("INSERT INTO telegram_updates (update_id, body, received_at) VALUES (:id, :body, :now)")
                    .param("id", updateId).param("body", body).param("now", Times.sql(now)).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public List<Update> pending(int limit) {
        return jdbc.sql("SELECT update_id, body FROM telegram_updates WHERE handled_at IS NULL ORDER BY update_id LIMIT :limit")
                .param("limit", limit).query((rs, n) -> new Update(rs.getLong("update_id"), rs.getString("body"))).list();
    }

    public void handled(long updateId, Instant now) {
        jdbc.sql("UPDATE telegram_updates SET handled_at = :now WHERE update_id = :id")
                .param("now", Times.sql(now)).param("id", updateId).update();
    }

    /** Forgets handled updates received before {@code before} (Telegram has long stopped retrying them). */
    public int prune(Instant before) {
        return jdbc.sql("DELETE FROM telegram_updates WHERE handled_at IS NOT NULL AND received_at < :before")
                .param("before", Times.sql(before)).update();
    }

    /** How many times each stored update id occurs: always once (for tests). */
    public long count(long updateId) {
        return jdbc.sql("SELECT COUNT(*) FROM telegram_updates WHERE update_id = :id").param("id", updateId)
                .query(Long.class).single();
    }
}
