package dev.botfleet.server.portfolio;

import dev.botfleet.server.common.OwnedBot;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The equity snapshots, and what the portfolio reads of the journal's tables. Every owner's query filters by owner. */
@Repository
public class PortfolioRepository {
    /** A stored equity figure of one bot, in {@code asset}. */
    public record Snapshot(UUID botId, Instant time, String asset, BigDecimal equity) {
    }

    /** A bot's position row (signed quantity). */
    record PositionRow(UUID botId, String exchange, String symbol, BigDecimal quantity, BigDecimal entry,
                       BigDecimal realizedPnl) {
    }

    /** Realized PnL of one fill or funding payment, in the quote asset of the bot's symbol. */
    record PnlRow(UUID botId, Instant time, BigDecimal amount) {
    }

    private final JdbcClient jdbc;

    PortfolioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID ownerId, Snapshot s) {
        jdbc.sql("INSERT INTO equity_snapshots (owner_id, bot_id, taken_at, asset, equity) VALUES (:owner, :bot, :at, :asset, :equity)")
                .param("owner", ownerId).param("bot", s.botId()).param("at", Times.sql(s.time()))
                .param("asset", s.asset()).param("equity", s.equity().setScale(18, RoundingMode.HALF_EVEN))
                .update();
    }

    /** The owner's snapshots in [from, to], oldest first. */
    List<Snapshot> snapshots(UUID ownerId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT bot_id, taken_at, asset, equity FROM equity_snapshots
                        WHERE owner_id = :owner AND taken_at >= :from AND taken_at <= :to ORDER BY taken_at, id""")
                .param("owner", ownerId).param("from", Times.sql(from)).param("to", Times.sql(to))
                .query((rs, n) -> new Snapshot(rs.getObject("bot_id", UUID.class), Times.read(rs, "taken_at"),
                        rs.getString("asset"), rs.getBigDecimal("equity")))
                .list();
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM equity_snapshots WHERE taken_at < :cutoff").param("cutoff", Times.sql(cutoff)).update();
    }

    /** Every ACTIVE bot: (owner, bot). */
    List<UUID[]> activeBots() {
        return jdbc.sql("SELECT owner_id, id FROM bots WHERE status = 'ACTIVE' ORDER BY seq")
                .query((rs, n) -> new UUID[]{rs.getObject("owner_id", UUID.class), rs.getObject("id", UUID.class)})
                .list();
    }

    List<PositionRow> positions(UUID ownerId) {
        return jdbc.sql("SELECT * FROM positions WHERE owner_id = :owner ORDER BY symbol, bot_id")
                .param("owner", ownerId).query(POSITION).list();
    }

    /**
     * One bot's positions, by its own index (bot_id, symbol): the equity snapshots take one bot at a time, and reading
     * its owner's positions for each read the whole fleet's per bot — a million rows a round for 1,000 bots.
     */
    List<PositionRow> positions(UUID ownerId, UUID botId) {
        return jdbc.sql("SELECT * FROM positions WHERE " + OwnedBot.ROWS + " ORDER BY symbol")
                .param("owner", ownerId).param("bot", botId).query(POSITION).list();
    }

    private static final RowMapper<PositionRow> POSITION = (rs, n) -> new PositionRow(
            rs.getObject("bot_id", UUID.class), rs.getString("exchange"), rs.getString("symbol"),
            rs.getBigDecimal("quantity"), rs.getBigDecimal("average_entry_price"), rs.getBigDecimal("realized_pnl"));

    /** The owner's funding payments in [from, to) (index funding_payments_owner_ix). */
    static final String FUNDING_IN_WINDOW = """
            SELECT bot_id, settled_at AS at, amount FROM funding_payments
            WHERE owner_id = :owner AND settled_at >= :from AND settled_at < :to AND amount <> 0""";

    /** Fills' realized PnL (net of quote fees) and funding payments of the owner's bots in [from, to). */
    List<PnlRow> realized(UUID ownerId, Instant from, Instant to) {
        List<PnlRow> rows = new java.util.ArrayList<>(jdbc.sql("""
                        SELECT bot_id, executed_at AS at, realized_pnl AS amount FROM trades
                        WHERE owner_id = :owner AND executed_at >= :from AND executed_at < :to AND realized_pnl <> 0""")
                .param("owner", ownerId).param("from", Times.sql(from)).param("to", Times.sql(to))
                .query((rs, n) -> new PnlRow(rs.getObject("bot_id", UUID.class), Times.read(rs, "at"), rs.getBigDecimal("amount")))
                .list());
        rows.addAll(jdbc.sql(FUNDING_IN_WINDOW)
                .param("owner", ownerId).param("from", Times.sql(from)).param("to", Times.sql(to))
                .query((rs, n) -> new PnlRow(rs.getObject("bot_id", UUID.class), Times.read(rs, "at"), rs.getBigDecimal("amount")))
                .list());
        return rows;
    }
}
