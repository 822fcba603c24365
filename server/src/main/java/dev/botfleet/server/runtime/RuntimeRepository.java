package dev.botfleet.server.runtime;

import dev.botfleet.server.bot.BotStatus;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The runtime's own bot queries: across owners (resuming after a restart) and status changes the bot itself makes. */
@Repository
public class RuntimeRepository {
    public record ActiveBot(UUID id, UUID ownerId) {
    }

    private final JdbcClient jdbc;

    public RuntimeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ActiveBot> activeBots() {
        return jdbc.sql("SELECT id, owner_id FROM bots WHERE status = 'ACTIVE' ORDER BY seq")
                .query((rs, n) -> new ActiveBot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** Only an ACTIVE bot changes: a user's stop (already STOPPED) is never turned into anything else. */
    public boolean setStatusIfActive(UUID botId, BotStatus status, String reason, Instant now) {
        String text = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
        return jdbc.sql("UPDATE bots SET status = :status, status_reason = :reason, updated_at = :now WHERE id = :id AND status = 'ACTIVE'")
                .param("status", status.name()).param("reason", status == BotStatus.ERROR ? text : null)
                .param("now", Times.sql(now)).param("id", botId).update() > 0;
    }
}
