package dev.botfleet.server.risk;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The daily loss limits (one row per owner and quote asset) and the LIVE realized pnl they are checked against. */
@Repository
public class RiskLimitRepository {
    private final JdbcClient jdbc;

    public RiskLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner's limits, assets in name order. */
    public Map<String, BigDecimal> limits(UUID ownerId) {
        Map<String, BigDecimal> limits = new TreeMap<>();
        jdbc.sql("SELECT quote_asset, loss_limit FROM daily_loss_limits WHERE owner_id = :owner")
                .param("owner", ownerId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                .forEach(e -> limits.put(e.getKey(), e.getValue()));
        return limits;
    }

    public Optional<BigDecimal> limit(UUID ownerId, String quoteAsset) {
        return jdbc.sql("SELECT loss_limit FROM daily_loss_limits WHERE owner_id = :owner AND quote_asset = :asset")
                .param("owner", ownerId).param("asset", quoteAsset).query(BigDecimal.class).optional();
    }

    /** Replaces every limit of the owner with {@code limits} (empty: no limits). */
    public void replace(UUID ownerId, Map<String, BigDecimal> limits, Instant now) {
        jdbc.sql("DELETE FROM daily_loss_limits WHERE owner_id = :owner").param("owner", ownerId).update();
        limits.forEach((asset, limit) -> jdbc.sql("""
                        INSERT INTO daily_loss_limits (owner_id, quote_asset, loss_limit, updated_at)
                        VALUES (:owner, :asset, :limit, :now)""")
                .param("owner", ownerId).param("asset", asset).param("limit", limit).param("now", Times.sql(now))
                .update());
    }

    /**
     * What the fills of the owner's LIVE bots executed in [{@code from}, {@code to}) realized, summed per quote asset
     * of their symbols ("BTC/USDT" -> USDT; a fill's realized pnl is in the quote asset, net of quote fees). A bot
     * counts by its mode now: PAPER bots never count, since their money is not real.
     */
    public Map<String, BigDecimal> liveRealizedPnl(UUID ownerId, Instant from, Instant to) {
        Map<String, BigDecimal> byQuote = new TreeMap<>();
        jdbc.sql("""
                        SELECT t.symbol, COALESCE(SUM(t.realized_pnl), 0) AS pnl
                        FROM trades t JOIN bots b ON b.id = t.bot_id
                        WHERE t.owner_id = :owner AND b.mode = 'LIVE' AND t.executed_at >= :from AND t.executed_at < :to
                        GROUP BY t.symbol""")
                .param("owner", ownerId).param("from", Times.sql(from)).param("to", Times.sql(to))
                .query((rs, n) -> Map.entry(rs.getString("symbol"), rs.getBigDecimal("pnl"))).list()
                .forEach(e -> byQuote.merge(Bot.quoteAssetOf(e.getKey()), e.getValue(), BigDecimal::add));
        return byQuote;
    }
}
