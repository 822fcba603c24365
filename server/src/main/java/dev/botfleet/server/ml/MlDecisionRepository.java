package dev.botfleet.server.ml;

import dev.botfleet.server.common.BatchedRow;
import dev.botfleet.server.common.OwnedBot;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The ml_decisions table (V41) and the deal figures of ml-signal bots' statistics; every read is filtered by owner. */
@Repository
public class MlDecisionRepository {

    /** A stored decision, as the confidences endpoint shows it. */
    public record Point(Instant time, double confidence, double threshold, boolean acted, String clientOrderId) {
    }

    /** One UTC day of a bot's deals (closed that day) and entries (decided that day). */
    public record Day(LocalDate day, long trades, long wins, BigDecimal pnl, Double averageConfidence) {
    }

    private static final String INSERT = """
            INSERT INTO ml_decisions (owner_id, bot_id, decided_at, model_id, confidence, threshold, acted,
                client_order_id, note)
            VALUES (:owner, :bot, :at, :model, :confidence, :threshold, :acted, :order, :note)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations rows;

    public MlDecisionRepository(JdbcClient jdbc, NamedParameterJdbcOperations rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /** A decision's insert, to run now ({@link BatchedRow#insertNow}) or behind its bot's writes. */
    public BatchedRow row(UUID ownerId, UUID botId, Instant time, UUID modelId, double confidence, double threshold,
                          boolean acted, String clientOrderId, String note) {
        return new BatchedRow(rows, INSERT, new MapSqlParameterSource()
                .addValue("owner", ownerId).addValue("bot", botId).addValue("at", Times.sql(time))
                .addValue("model", modelId).addValue("confidence", confidence).addValue("threshold", threshold)
                .addValue("acted", acted).addValue("order", clientOrderId)
                .addValue("note", note == null ? null : truncate(note)));
    }

    /** The newest {@code limit} decisions of the bot, newest last. */
    public List<Point> recent(UUID ownerId, UUID botId, int limit) {
        List<Point> newestFirst = jdbc.sql("""
                        SELECT decided_at, confidence, threshold, acted, client_order_id FROM ml_decisions
                        WHERE
                        """ + OwnedBot.ROWS + " ORDER BY id DESC LIMIT :limit")
                .param("owner", ownerId).param("bot", botId).param("limit", limit)
                .query((rs, n) -> new Point(Times.read(rs, "decided_at"), rs.getDouble("confidence"),
                        rs.getDouble("threshold"), rs.getBoolean("acted"), rs.getString("client_order_id")))
                .list();
        List<Point> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The bot's deals and entries by UTC day, oldest day first. */
    public List<Day> byDay(UUID ownerId, UUID botId) {
        java.util.TreeMap<LocalDate, long[]> counts = new java.util.TreeMap<>();
        java.util.Map<LocalDate, BigDecimal> pnl = new java.util.HashMap<>();
        java.util.Map<LocalDate, double[]> confidence = new java.util.HashMap<>();
        jdbc.sql("SELECT closed_at, pnl FROM deals WHERE " + OwnedBot.ROWS)
                .param("owner", ownerId).param("bot", botId).query((rs, n) -> {
                    LocalDate day = LocalDate.ofInstant(Times.read(rs, "closed_at"), ZoneOffset.UTC);
                    BigDecimal p = rs.getBigDecimal("pnl");
                    long[] c = counts.computeIfAbsent(day, d -> new long[2]);
                    c[0]++;
                    if (p.signum() > 0) c[1]++;
                    pnl.merge(day, p, BigDecimal::add);
                    return null;
                }).list();
        jdbc.sql("SELECT decided_at, confidence FROM ml_decisions WHERE " + OwnedBot.ROWS + " AND acted")
                .param("owner", ownerId).param("bot", botId).query((rs, n) -> {
                    LocalDate day = LocalDate.ofInstant(Times.read(rs, "decided_at"), ZoneOffset.UTC);
                    counts.computeIfAbsent(day, d -> new long[2]);
                    double[] sum = confidence.computeIfAbsent(day, d -> new double[2]);
                    sum[0] += rs.getDouble("confidence");
                    sum[1]++;
                    return null;
                }).list();
        List<Day> out = new ArrayList<>();
        counts.forEach((day, c) -> {
            double[] s = confidence.get(day);
            out.add(new Day(day, c[0], c[1], pnl.getOrDefault(day, BigDecimal.ZERO), s == null ? null : s[0] / s[1]));
        });
        return out;
    }

    /** The mean confidence of the decisions that placed an entry; null when none did. */
    public Double averageActedConfidence(UUID ownerId, UUID botId) {
        return jdbc.sql("SELECT AVG(confidence) FROM ml_decisions WHERE " + OwnedBot.ROWS + " AND acted")
                .param("owner", ownerId).param("bot", botId).query((rs, n) -> {
                    double mean = rs.getDouble(1);
                    return rs.wasNull() ? null : mean;
                }).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String truncate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
