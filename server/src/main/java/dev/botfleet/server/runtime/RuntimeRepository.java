package dev.botfleet.server.runtime;

import dev.botfleet.server.bot.BotStatus;
import dev.botfleet.server.bot.BotDirectory;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The runtime's own bot queries: across owners (resuming after a restart) and status changes the bot itself makes. */
@Repository
public class RuntimeRepository {
    public record ActiveBot(UUID id, UUID ownerId) {
    }

    private final JdbcClient jdbc;

    /** Told when a bot's row changes here (its status, or what a fill books on it). */
    private final BotDirectory directory;

    public RuntimeRepository(JdbcClient jdbc, BotDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** The bots a runtime must run: the ACTIVE ones, and those with a stop not yet carried out (see Flyway V52). */
    public List<ActiveBot> botsToRun() {
        return jdbc.sql("SELECT id, owner_id FROM bots WHERE status = 'ACTIVE' OR pending_stop IS NOT NULL ORDER BY seq")
                .query((rs, n) -> new ActiveBot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** True if the bot is ACTIVE or has a stop to carry out. */
    public boolean mustRun(UUID botId) {
        return jdbc.sql("SELECT COUNT(*) FROM bots WHERE id = :id AND (status = 'ACTIVE' OR pending_stop IS NOT NULL)")
                .param("id", botId).query(Long.class).single() > 0;
    }

    /** The reason of the bot's stop that is not carried out yet, if it is not ACTIVE and has one. */
    public Optional<String> pendingStop(UUID botId) {
        return jdbc.sql("SELECT pending_stop FROM bots WHERE id = :id AND status <> 'ACTIVE' AND pending_stop IS NOT NULL")
                .param("id", botId).query(String.class).optional();
    }

    /** The bot's stop was carried out (its last turn ran, its cancels were sent); a start since then changed nothing. */
    public void stopCarriedOut(UUID botId) {
        jdbc.sql("UPDATE bots SET pending_stop = NULL WHERE id = :id AND status <> 'ACTIVE'").param("id", botId).update();
    }

    /** Only an ACTIVE bot changes: a user's stop (already STOPPED) is never turned into anything else. */
    public boolean setStatusIfActive(UUID botId, BotStatus status, String reason, Instant now) {
        String text = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
        boolean changed = jdbc.sql("UPDATE bots SET status = :status, status_reason = :reason, updated_at = :now WHERE id = :id AND status = 'ACTIVE'")
                .param("status", status.name()).param("reason", status == BotStatus.ERROR ? text : null)
                .param("now", Times.sql(now)).param("id", botId).update() > 0;
        if (changed) directory.changed(botId);
        return changed;
    }
}
