package dev.botfleet.server.runtime;

import dev.botfleet.server.common.BatchedRow;
import dev.botfleet.server.common.CommitLane;
import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The simulated exchange's own memory (table sim_orders): every client order id it received, with what it answered.
 * A real exchange remembers the orders it accepted across our restarts; this is how {@code sim} does. The client order
 * id is the primary key, so the exchange can never hold two orders with one id; a repeated submission is counted in
 * {@code submissions} (and must never happen: the reliability test asserts it).
 */
@Repository
public class SimOrderRecord {
    private static final Logger log = LoggerFactory.getLogger(SimOrderRecord.class);

    /** What the exchange answered when it received an order. */
    public record Receipt(String clientOrderId, String status, String reason) {
    }

    private static final String INSERT = """
            INSERT INTO sim_orders (client_order_id, bot_id, status, reason, submissions, received_at)
            VALUES (:cid, :bot, :status, :reason, 1, :at)""";
    private static final String COUNT = "UPDATE sim_orders SET submissions = submissions + 1 WHERE client_order_id = :cid";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations rows;
    /** The exchange's memory is written on the bot's turn: it shares the fleet's commits like the journal. */
    private final GroupCommit commits;

    public SimOrderRecord(JdbcClient jdbc, NamedParameterJdbcOperations rows, GroupCommit commits) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.commits = commits;
    }

    /**
     * The exchange received an id it already had: counted (and must never happen: the reliability tests assert it).
     *
     * @param behind the bot's write-behind when its receipts are written behind (null: they wait): the count goes
     *               after them, on the same lane, so it never runs before the receipt it counts is stored
     */
    public void countRepeat(CommitLane.Backlog behind, UUID botId, String clientOrderId) {
        BatchedRow count = new BatchedRow(rows, COUNT, new MapSqlParameterSource("cid", clientOrderId));
        // behind: a batched row like the receipts, so it runs after a receipt of the same commit (BatchedRow)
        if (behind != null) {
            behind.insert(count, () -> { },
                    e -> log.warn("sim exchange: the repeat of {} was not counted: {}", clientOrderId, e.toString()));
        } else {
            commits.lane(botId).forBot(botId).run(count::insertNow);
        }
    }

    public void received(UUID botId, String clientOrderId, String status, String reason, Instant at) {
        BatchedRow receipt = receipt(botId, clientOrderId, status, reason, at);
        commits.lane(botId).forBot(botId).run(receipt::insertNow);
    }

    /**
     * {@link #received} without waiting for its commit (write-behind, see
     * {@link dev.botfleet.server.common.CommitLane#submit}), as a row of its commit's JDBC batch: no savepoint and no
     * round trip of its own. Still stored in the same commit as the acceptance the exchange answers with, or an
     * earlier one, since that is queued after it.
     */
    public void receivedBehind(CommitLane.Backlog writes, UUID botId, String clientOrderId, String status, String reason,
                               Instant at) {
        writes.insert(receipt(botId, clientOrderId, status, reason, at), () -> { },
                e -> log.warn("sim exchange: the receipt of {} was not stored: {}", clientOrderId, e.toString()));
    }

    private BatchedRow receipt(UUID botId, String clientOrderId, String status, String reason, Instant at) {
        return new BatchedRow(rows, INSERT, new MapSqlParameterSource()
                .addValue("cid", clientOrderId).addValue("bot", botId).addValue("status", status)
                .addValue("reason", reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500))
                .addValue("at", Times.sql(at)));
    }

    /** The receipts of the bot's orders {@code clientOrderIds} (a restart asks for its open orders' only). */
    public Map<String, Receipt> receipts(UUID botId, java.util.Collection<String> clientOrderIds) {
        Map<String, Receipt> found = new LinkedHashMap<>();
        if (clientOrderIds.isEmpty()) return found;
        jdbc.sql("SELECT client_order_id, status, reason FROM sim_orders WHERE bot_id = :bot AND client_order_id IN (:ids)")
                .param("bot", botId).param("ids", clientOrderIds)
                .query((rs, n) -> new Receipt(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().forEach(r -> found.put(r.clientOrderId(), r));
        return found;
    }
}
