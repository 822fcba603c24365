package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.common.RecentReads;
import dev.botfleet.server.common.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Links (user ↔ private chat) and one-time link codes (hashed). */
@Repository
public class TelegramLinks {
    public record Link(UUID userId, long chatId, String chatTitle, Instant linkedAt) {
    }

    public record Code(UUID userId, Instant expiresAt, Instant usedAt) {
    }

    /** The answer of /api/v1/telegram/alerts: the telegram channel's defaults (stored in {@code alert_choices}). */
    public record AlertChoice(boolean started, boolean stopped, boolean errors, boolean fills) {
    }

    private final JdbcClient jdbc;
    /** Every alert of a user's bots asks for the user's chat: read at most once a second by default (see {@link #forAlerts}). */
    private final RecentReads<UUID, Optional<Link>> recent;

    /** @param alertReadsMaxAge how old the link an alert goes by may be ({@code botfleet.notify.targets-max-age}) */
    public TelegramLinks(JdbcClient jdbc, @Value("${botfleet.notify.targets-max-age:1s}") java.time.Duration alertReadsMaxAge) {
        this.jdbc = jdbc;
        this.recent = new RecentReads<>(alertReadsMaxAge);
    }

    public Optional<Link> byUser(UUID userId) {
        return jdbc.sql("SELECT user_id, chat_id, chat_title, linked_at FROM telegram_links WHERE user_id = :u")
                .param("u", userId).query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        Times.read(rs, "linked_at"))).optional();
    }

    /**
     * {@link #byUser} as the alerts see it: at most {@code botfleet.notify.targets-max-age} (1 s) old. A change through
     * this node is seen by the next alert; one through another node of a cluster within that age.
     */
    public Optional<Link> forAlerts(UUID userId) {
        return recent.get(userId, this::byUser);
    }

    public Optional<Link> byChat(long chatId) {
        return jdbc.sql("SELECT user_id, chat_id, chat_title, linked_at FROM telegram_links WHERE chat_id = :c")
                .param("c", chatId).query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        Times.read(rs, "linked_at"))).optional();
    }

    /** Links the chat to the user, replacing the user's previous chat and the chat's previous user. */
    public void link(UUID userId, long chatId, String title, Instant now) {
        jdbc.sql("DELETE FROM telegram_links WHERE user_id = :u OR chat_id = :c").param("u", userId).param("c", chatId).update();
        jdbc.sql("INSERT INTO telegram_links (user_id, chat_id, chat_title, linked_at) VALUES (:u, :c, :t, :now)")
                .param("u", userId).param("c", chatId).param("t", title).param("now", Times.sql(now)).update();
        // after the writes: outside a transaction they are committed now, and a read from here on sees them
        recent.forgetAllAfterCommit();  // the chat's previous user, whoever that was, loses it
    }

    public boolean unlinkUser(UUID userId) {
        boolean unlinked = jdbc.sql("DELETE FROM telegram_links WHERE user_id = :u").param("u", userId).update() > 0;
        recent.forgetAfterCommit(userId);
        return unlinked;
    }

    public boolean unlinkChat(long chatId) {
        boolean unlinked = jdbc.sql("DELETE FROM telegram_links WHERE chat_id = :c").param("c", chatId).update() > 0;
        recent.forgetAllAfterCommit();
        return unlinked;
    }

    public void addCode(String hash, UUID userId, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO telegram_link_codes (code_hash, user_id, created_at, expires_at) VALUES (:h, :u, :now, :exp)")
                .param("h", hash).param("u", userId).param("now", Times.sql(now)).param("exp", Times.sql(expiresAt)).update();
    }

    public int codesSince(UUID userId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM telegram_link_codes WHERE user_id = :u AND created_at > :since")
                .param("u", userId).param("since", Times.sql(since)).query(Integer.class).single();
    }

    /** The code's row, locked: two /start with one code cannot both use it. */
    public Optional<Code> codeForUpdate(String hash) {
        return jdbc.sql("SELECT user_id, expires_at, used_at FROM telegram_link_codes WHERE code_hash = :h FOR UPDATE")
                .param("h", hash).query((rs, n) -> new Code(rs.getObject(1, UUID.class), Times.read(rs, "expires_at"),
                        rs.getObject("used_at") == null ? null : Times.read(rs, "used_at"))).optional();
    }

    public void useCode(String hash, Instant now) {
        jdbc.sql("UPDATE telegram_link_codes SET used_at = :now WHERE code_hash = :h").param("h", hash)
                .param("now", Times.sql(now)).update();
    }
}
