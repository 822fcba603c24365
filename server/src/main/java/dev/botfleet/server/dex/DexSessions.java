package dev.botfleet.server.dex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sessions ({@code dex_bot_sessions}): each start of a DEX bot is one run with its intelligence level, start and end,
 * and the trades and PnL made during it: the bot's journaled trades between its start and end (by their sequence
 * number, so clocks do not matter) and the sum of their realized PnL, net of fees.
 */
@Component
class DexSessions {
    private final JdbcClient jdbc;
    private final Clock clock;

    /** One run; trades and pnl so far while it runs (endedAt null). */
    record Session(UUID runId, UUID botId, int intelLevel, Instant startedAt, Instant endedAt, long trades,
                   String pnl) {
    }

    DexSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts a run. A run the server never ended (it stopped abruptly) ends now, at the next start. */
    UUID start(UUID botId, int intelLevel) {
        end(botId);
        UUID runId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO dex_bot_sessions (run_id, bot_id, intel_level, started_at, trade_seq_at_start)
                VALUES (:run, :bot, :level, :at, (SELECT COALESCE(MAX(seq), 0) FROM trades WHERE bot_id = :bot))""")
                .param("run", runId).param("bot", botId).param("level", intelLevel)
                .param("at", Timestamp.from(clock.instant())).update();
        return runId;
    }

    /** Ends the bot's open run, if any, with the trades and PnL it made. */
    void end(UUID botId) {
        jdbc.sql("""
                UPDATE dex_bot_sessions SET ended_at = :at,
                    trade_seq_at_end = (SELECT COALESCE(MAX(seq), 0) FROM trades WHERE bot_id = :bot)
                WHERE bot_id = :bot AND ended_at IS NULL""")
                .param("bot", botId).param("at", Timestamp.from(clock.instant())).update();
    }

    /** The bot's runs, newest first. */
    List<Session> of(UUID botId) {
        return jdbc.sql("""
                SELECT s.run_id, s.bot_id, s.intel_level, s.started_at, s.ended_at,
                       (SELECT COUNT(*) FROM trades t WHERE t.bot_id = s.bot_id AND t.seq > s.trade_seq_at_start
                            AND (s.trade_seq_at_end IS NULL OR t.seq <= s.trade_seq_at_end)) AS trades,
                       (SELECT COALESCE(SUM(t.realized_pnl), 0) FROM trades t WHERE t.bot_id = s.bot_id
                            AND t.seq > s.trade_seq_at_start
                            AND (s.trade_seq_at_end IS NULL OR t.seq <= s.trade_seq_at_end)) AS pnl
                FROM dex_bot_sessions s
                WHERE s.bot_id = :bot ORDER BY s.started_at DESC, s.run_id""")
                .param("bot", botId)
                .query((rs, n) -> new Session(rs.getObject("run_id", UUID.class), rs.getObject("bot_id", UUID.class),
                        rs.getInt("intel_level"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(),
                        rs.getLong("trades"), rs.getBigDecimal("pnl").stripTrailingZeros().toPlainString()))
                .list();
    }
}
