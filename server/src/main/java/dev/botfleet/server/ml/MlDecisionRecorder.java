package dev.botfleet.server.ml;

import dev.botfleet.ml.strategy.DecisionListener;
import dev.botfleet.ml.strategy.MlDecision;
import dev.botfleet.server.common.BatchedRow;
import dev.botfleet.server.common.CommitLane;
import dev.botfleet.server.runtime.BotWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores every decision of the server's ml-signal bots (ml_decisions), on the bot's turn: a row every couple of
 * seconds per bot. A paper bot that writes behind its turns queues the row behind its other writes: a decision names
 * the entry order it placed, and is never stored before that order's intent (otherwise the confidences could show an
 * order the bot's orders do not have yet). A failed write is logged and the bot goes on: a missing confidence point
 * must not stop trading.
 */
@Component
public class MlDecisionRecorder implements DecisionListener {
    private static final Logger log = LoggerFactory.getLogger(MlDecisionRecorder.class);

    private final MlDecisionRepository decisions;
    private final JdbcClient jdbc;
    /** Lazily: the runtime (TradingRuntime) builds bots from the strategy catalog, which holds this recorder. */
    private final ObjectProvider<BotWrites> runtime;
    /** Bot id to owner: a bot's owner never changes. */
    private final Map<UUID, UUID> owners = new ConcurrentHashMap<>();

    public MlDecisionRecorder(MlDecisionRepository decisions, JdbcClient jdbc, ObjectProvider<BotWrites> runtime) {
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    @Override
    public void onDecision(String botId, MlDecision d) {
        try {
            UUID bot = UUID.fromString(botId);
            UUID owner = owners.computeIfAbsent(bot, id -> jdbc.sql("SELECT owner_id FROM bots WHERE id = :id")
                    .param("id", id).query(UUID.class).single());
            BatchedRow row = decisions.row(owner, bot, d.time(), UUID.fromString(d.modelId().strip()), d.confidence(),
                    d.threshold(), d.acted(), d.clientOrderId(), d.note());
            BotWrites bots = runtime.getIfAvailable();
            CommitLane.Backlog behind = bots == null ? null : bots.writesBehind(bot);
            // a bot that waits for its writes has its entry's intent committed already
            if (behind == null) row.insertNow();
            else behind.insert(row, () -> { }, e -> notStored(botId, d, e));
        } catch (RuntimeException e) {
            notStored(botId, d, e);
        }
    }

    private static void notStored(String botId, MlDecision d, RuntimeException e) {
        log.warn("Decision of bot {} at {} not stored: {}", botId, d.time(), e.toString());
    }
}
