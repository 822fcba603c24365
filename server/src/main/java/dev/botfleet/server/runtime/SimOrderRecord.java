package dev.botfleet.server.runtime;

import dev.botfleet.server.common.CommitLane;
import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final JdbcClient jdbc;
    /** The exchange's memory is written on the bot's turn: it shares the fleet's commits like the journal. */
    private final GroupCommit commits;

    public SimOrderRecord(JdbcClient jdbc, GroupCommit commits) {
        this.jdbc = jdbc;
        this.commits = commits;
    }

    /**
     * The exchange received an id it already had: counted (and must never happen: the reliability tests assert it).
     *
     * @param behind the bot's write-behind when its receipts are written behind (null: they wait): the count goes
     *               after them, on the same lane, so it never runs before the receipt it counts is stored
     */
    public void countRepeat(CommitLane.Backlog behind, UUID botId, String clientOrderId) {
        Runnable count = () -> jdbc.sql("UPDATE sim_orders SET submissions = submissions + 1 WHERE client_order_id = :cid")
                .param("cid", clientOrderId).update();
        if (behind != null) behind.run(count);
        else commits.lane(botId).forBot(botId).run(count);
    }

    public void received(UUID botId, String clientOrderId, String status, String reason, Instant at) {
        commits.lane(botId).forBot(botId).run(() -> insert(botId, clientOrderId, status, reason, at));
    }

    /** {@link #received} without waiting for its commit (write-behind, see {@link dev.botfleet.server.common.CommitLane#submit}). */
    public void receivedBehind(CommitLane.Backlog writes, UUID botId, String clientOrderId, String status, String reason,
                               Instant at) {
        writes.submit(() -> insert(botId, clientOrderId, status, reason, at), () -> { },
                e -> log.warn("sim exchange: the receipt of {} was not stored: {}", clientOrderId, e.toString()));
    }

    private void insert(UUID botId, String clientOrderId, String status, String reason, Instant at) {
        jdbc.sql("""
                        INSERT INTO sim_orders (client_order_id, bot_id, status, reason, submissions, received_at)
                        VALUES (:cid, :bot, :status, :reason, 1, :at)""")
                .param("cid", clientOrderId).param("bot", botId).param("status", status)
                .param("reason", reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500))
                .param("at", Times.sql(at))
                .update();
    }

    public Map<String, Receipt> receipts(UUID botId) {
        Map<String, Receipt> all = new LinkedHashMap<>();
        jdbc.sql("SELECT client_order_id, status, reason FROM sim_orders WHERE bot_id = :bot").param("bot", botId)
                .query((rs, n) -> new Receipt(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().forEach(r -> all.put(r.clientOrderId(), r));
        return all;
    }
}
