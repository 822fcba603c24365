package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox of messages to chats, and the long-polling offset. */
@Repository
public class TelegramOutbox {
    public record Message(long id, long chatId, String text, String replyMarkup, int attempts) {
    }

    private static final String OFFSET = "update_offset";
    private final JdbcClient jdbc;

    public TelegramOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: the message is queued together with what it reports. */
    public void queue(long chatId, String text, String replyMarkup, Instant now) {
        String clipped = text.length() > 4096 ? text.substring(0, 4095) + "…" : text;
        jdbc.sql("""
                        INSERT INTO telegram_outbox (chat_id, text, reply_markup, created_at, not_before)
                        VALUES (:c, :t, :m, :now, :now)""")
                .param("c", chatId).param("t", clipped).param("m", replyMarkup).param("now", Times.sql(now)).update();
    }

    /** Unsent messages in the order they were queued. */
    public List<Message> pending(int limit) {
        return jdbc.sql("""
                        SELECT id, chat_id, text, reply_markup, attempts FROM telegram_outbox
                        WHERE sent_at IS NULL AND failed_reason IS NULL ORDER BY id LIMIT :n""")
                .param("n", limit)
                .query((rs, n) -> new Message(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    public void markSent(long id, Instant now) {
        jdbc.sql("UPDATE telegram_outbox SET sent_at = :now, attempts = attempts + 1 WHERE id = :id")
                .param("id", id).param("now", Times.sql(now)).update();
    }

    public void markFailed(long id, String reason) {
        String r = reason.length() > 300 ? reason.substring(0, 300) : reason;
        jdbc.sql("UPDATE telegram_outbox SET failed_reason = :r, attempts = attempts + 1 WHERE id = :id")
                .param("id", id).param("r", r).update();
    }

    public void attempted(long id) {
        jdbc.sql("UPDATE telegram_outbox SET attempts = attempts + 1 WHERE id = :id").param("id", id).update();
    }

    public Optional<Long> offset() {
        return jdbc.sql("SELECT number_value FROM telegram_state WHERE name = :n").param("n", OFFSET)
                .query(Long.class).optional();
    }

    public void saveOffset(long offset) {
        if (jdbc.sql("UPDATE telegram_state SET number_value = :v WHERE name = :n").param("n", OFFSET).param("v", offset)
                .update() == 0) {
            jdbc.sql("INSERT INTO telegram_state (name, number_value) VALUES (:n, :v)").param("n", OFFSET)
                    .param("v", offset).update();
        }
    }
}
