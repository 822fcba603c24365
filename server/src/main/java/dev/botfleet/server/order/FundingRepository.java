package dev.botfleet.server.order;

import dev.botfleet.server.common.Ids;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** A perpetual bot's funding settlements ({@code funding_payments}): journaled before they reach its position. */
@Repository
public class FundingRepository {
    private final JdbcClient jdbc;

    public FundingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this bot already has a settlement at that time (the same fixing reported again) */
    public boolean insert(UUID ownerId, UUID botId, FundingPayment p) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM funding_payments WHERE bot_id = :bot AND settled_at = :at")
                .param("bot", botId).param("at", Times.sql(p.time())).query(Long.class).single() > 0;
        if (known) return false;
        jdbc.sql("""
                        INSERT INTO funding_payments (id, owner_id, bot_id, symbol, rate, mark_price, amount, settled_at)
                        VALUES (:id, :owner, :bot, :symbol, :rate, :mark, :amount, :at)""")
                .param("id", Ids.timeOrdered()).param("owner", ownerId).param("bot", botId).param("symbol", p.symbol())
                .param("rate", p.rate()).param("mark", p.markPrice()).param("amount", p.amount())
                .param("at", Times.sql(p.time()))
                .update();
        return true;
    }

    /** When the bot's latest settlement was, if it has any. */
    public java.util.Optional<java.time.Instant> latest(UUID botId) {
        return jdbc.sql("SELECT MAX(settled_at) AS at FROM funding_payments WHERE bot_id = :bot").param("bot", botId)
                .query((rs, n) -> Times.read(rs, "at")).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Every settlement of the bot, oldest first. */
    public List<FundingPayment> of(UUID botId) {
        return jdbc.sql("SELECT * FROM funding_payments WHERE bot_id = :bot ORDER BY settled_at, seq")
                .param("bot", botId)
                .query((rs, n) -> new FundingPayment(rs.getString("symbol"), Times.read(rs, "settled_at"),
                        rs.getBigDecimal("rate"), rs.getBigDecimal("mark_price"), rs.getBigDecimal("amount")))
                .list();
    }
}
