package dev.botfleet.server.bot;

import dev.botfleet.server.common.OwnedBot;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every query filters by owner: another user's bot simply does not exist here. Every write tells the {@link
 * BotDirectory} which bot changed.
 */
@Repository
public class BotRepository {
    private static final String STATUS_FILTER = "WHERE owner_id = :owner AND (CAST(:status AS VARCHAR(8)) IS NULL OR status = :status)";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Bot> row;
    /** Told of every change to a bot's row, once committed (it serves the API's reads of a fleet on one node). */
    private final BotDirectory directory;

    public BotRepository(JdbcClient jdbc, JsonMapper json, BotDirectory directory) {
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
        this.row = BotRows.mapper(json);
    }

    public void insert(Bot bot) {
        jdbc.sql("""
                        INSERT INTO bots (id, owner_id, name, exchange, symbol, strategy, mode, status, status_reason,
                            config, pnl, total_trades, last_fill_time, created_at, updated_at, credential_id, leverage,
                            margin_mode)
                        VALUES (:id, :owner, :name, :exchange, :symbol, :strategy, :mode, :status, :reason,
                            :config, :pnl, :trades, :lastFill, :created, :updated, :credential, :leverage, :marginMode)""")
                .param("id", bot.id()).param("owner", bot.ownerId()).param("name", bot.name())
                .param("exchange", bot.exchange()).param("symbol", bot.symbol()).param("strategy", bot.strategy())
                .param("mode", bot.mode().name()).param("status", bot.status().name())
                .param("reason", bot.statusReason()).param("config", json.writeValueAsString(bot.config()))
                .param("pnl", bot.pnl()).param("trades", bot.totalTrades())
                .param("lastFill", Times.sql(bot.lastFillTime())).param("created", Times.sql(bot.createdAt()))
                .param("updated", Times.sql(bot.updatedAt())).param("credential", bot.credentialId())
                .param("leverage", bot.margin() == null ? null : bot.margin().leverage())
                .param("marginMode", bot.margin() == null ? null : bot.margin().mode().name())
                .update();
        directory.changed(bot.ownerId(), bot.id());
    }

    public void update(UUID ownerId, UUID id, BotSpec spec, Instant updatedAt) {
        jdbc.sql("""
                        UPDATE bots SET name = :name, exchange = :exchange, symbol = :symbol, strategy = :strategy,
                            mode = :mode, config = :config, credential_id = :credential, leverage = :leverage,
                            margin_mode = :marginMode, updated_at = :updated
                        WHERE\s""" + OwnedBot.BOT)
                .param("name", spec.name()).param("exchange", spec.exchange()).param("symbol", spec.symbol())
                .param("strategy", spec.strategy()).param("mode", spec.mode().name())
                .param("config", json.writeValueAsString(spec.config())).param("updated", Times.sql(updatedAt))
                .param("credential", spec.credentialId())
                .param("leverage", spec.margin() == null ? null : spec.margin().leverage())
                .param("marginMode", spec.margin() == null ? null : spec.margin().mode().name())
                .param("owner", ownerId).param("id", id)
                .update();
        directory.changed(ownerId, id);
    }

    /**
     * @param pendingStop the reason of a stop of a running bot, kept until the bot's last turn has carried it out
     *                    (cancels sent); null keeps a stop still pending. A start (ACTIVE) clears it: the running bot
     *                    reconciles its orders itself.
     */
    public void setStatus(UUID ownerId, UUID id, BotStatus status, String reason, String pendingStop, Instant updatedAt) {
        jdbc.sql("UPDATE bots SET status = :status, status_reason = :reason, updated_at = :updated, pending_stop ="
                        + " CASE WHEN :status = 'ACTIVE' THEN NULL ELSE COALESCE(:pending, pending_stop) END"
                        + " WHERE " + OwnedBot.BOT)
                .param("status", status.name()).param("reason", reason).param("pending", clip(pendingStop))
                .param("updated", Times.sql(updatedAt)).param("owner", ownerId).param("id", id)
                .update();
        directory.changed(ownerId, id);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    public Optional<Bot> find(UUID ownerId, UUID id) {
        return jdbc.sql("SELECT * FROM bots WHERE " + OwnedBot.BOT)
                .param("owner", ownerId).param("id", id).query(row).optional();
    }

    /** Locks the row until the transaction ends: status changes of one bot happen one at a time. */
    public Optional<Bot> findForUpdate(UUID ownerId, UUID id) {
        return jdbc.sql("SELECT * FROM bots WHERE " + OwnedBot.BOT + " FOR UPDATE")
                .param("owner", ownerId).param("id", id).query(row).optional();
    }

    public List<Bot> page(UUID ownerId, BotStatus status, Paging paging) {
        return jdbc.sql("SELECT * FROM bots " + STATUS_FILTER + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("owner", ownerId).param("status", status == null ? null : status.name())
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(row).list();
    }

    public long count(UUID ownerId, BotStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM bots " + STATUS_FILTER)
                .param("owner", ownerId).param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    /** The account's ACTIVE bots, oldest first, read without a lock (the caller locks each as it acts on it). */
    public List<Bot> active(UUID ownerId) {
        return jdbc.sql("SELECT * FROM bots WHERE owner_id = :owner AND status = 'ACTIVE' ORDER BY seq")
                .param("owner", ownerId).query(row).list();
    }

    public List<Bot> activeForUpdate(UUID ownerId) {
        return jdbc.sql("SELECT * FROM bots WHERE owner_id = :owner AND status = 'ACTIVE' ORDER BY seq FOR UPDATE")
                .param("owner", ownerId).query(row).list();
    }

    public boolean delete(UUID ownerId, UUID id) {
        boolean deleted = jdbc.sql("DELETE FROM bots WHERE " + OwnedBot.BOT)
                .param("owner", ownerId).param("id", id).update() > 0;
        directory.changed(ownerId, id);
        return deleted;
    }

    /**
     * The owner's fleet in figures, with one scan of its bots (the dashboard asks on every refresh): counts by status,
     * pnl and trades, and pnl per quote asset of the bots' symbols ("BTC/USDT" -> USDT), assets in name order.
     */
    public Summary summary(UUID ownerId) {
        FleetTotals totals = new FleetTotals();
        jdbc.sql("""
                        SELECT symbol, status, COUNT(*) AS bots, COALESCE(SUM(pnl), 0) AS pnl,
                               COALESCE(SUM(total_trades), 0) AS trades
                        FROM bots WHERE owner_id = :owner GROUP BY symbol, status""")
                .param("owner", ownerId)
                .query(rs -> {
                    totals.add(rs.getString("symbol"), BotStatus.valueOf(rs.getString("status")), rs.getLong("bots"),
                            rs.getBigDecimal("pnl"), rs.getLong("trades"));
                });
        return totals.summary();
    }

    /** @param pnlByQuote pnl summed per quote asset of the bots' symbols, assets in name order */
    public record Summary(long totalBots, long activeBots, long stoppedBots, long errorBots, BigDecimal totalPnl,
                          long totalTrades, Map<String, BigDecimal> pnlByQuote) {
    }

}
