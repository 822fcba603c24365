package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.common.OwnedBot;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The journal figures the chat commands show that no service answers as such. Every query filters by owner. */
final class TelegramReads {
    /** One fill with its bot's name. */
    record Fill(Instant at, String botName, String side, BigDecimal quantity, BigDecimal price, String symbol) {
    }

    private final JdbcClient jdbc;

    TelegramReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner's last {@code n} fills across their bots, newest first. */
    List<Fill> lastFills(UUID owner, int n) {
        return jdbc.sql("""
                        SELECT t.executed_at, b.name, t.side, t.quantity, t.price, t.symbol
                        FROM trades t JOIN bots b ON b.id = t.bot_id
                        WHERE t.owner_id = :owner ORDER BY t.seq DESC LIMIT :n""")
                .param("owner", owner).param("n", n)
                .query((rs, i) -> new Fill(Times.read(rs, "executed_at"), rs.getString("name"), rs.getString("side"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("price"), rs.getString("symbol")))
                .list();
    }

    /** What one bot's fills since {@code from} realized (net of quote fees, as the journal books it). */
    BigDecimal realizedSince(UUID owner, UUID bot, Instant from) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(realized_pnl), 0) FROM trades
                        WHERE
                        """ + OwnedBot.ROWS + " AND executed_at >= :from")
                .param("owner", owner).param("bot", bot).param("from", Times.sql(from))
                .query(BigDecimal.class).single();
    }

    /**
     * Realized PnL per UTC day and per "asset" label since {@code from}: the quote asset of the fill's symbol, with
     * " (paper)" for PAPER bots, so simulated and real money are never added together. Rows are read one by one and
     * added up here: grouping by day in SQL would depend on the database session's time zone.
     */
    Map<LocalDate, Map<String, BigDecimal>> realizedByDay(UUID owner, Instant from) {
        Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        jdbc.sql("""
                        SELECT t.executed_at, t.symbol, t.realized_pnl, b.mode
                        FROM trades t JOIN bots b ON b.id = t.bot_id
                        WHERE t.owner_id = :owner AND t.executed_at >= :from AND t.realized_pnl <> 0""")
                .param("owner", owner).param("from", Times.sql(from))
                .query(rs -> {
                    LocalDate day = Times.read(rs, "executed_at").atZone(ZoneOffset.UTC).toLocalDate();
                    String asset = Bot.quoteAssetOf(rs.getString("symbol"))
                            + ("PAPER".equals(rs.getString("mode")) ? " (paper)" : "");
                    days.computeIfAbsent(day, d -> new TreeMap<>()).merge(asset, rs.getBigDecimal("realized_pnl"), BigDecimal::add);
                });
        return days;
    }
}
