package dev.botfleet.server.ml;

import dev.botfleet.ml.strategy.DecisionListener;
import dev.botfleet.ml.strategy.MlDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores every decision of the server's ml-signal bots (ml_decisions), on the bot's turn: a row every couple of
 * seconds per bot, written on the bot's virtual thread like its journal. A failed write is logged and the bot goes
 * on: a missing confidence point must not stop trading.
 */
@Component
public class MlDecisionRecorder implements DecisionListener {
    private static final Logger log = LoggerFactory.getLogger(MlDecisionRecorder.class);

    private final MlDecisionRepository decisions;
    private final JdbcClient jdbc;
    /** Bot id to owner: a bot's owner never changes. */
    private final Map<UUID, UUID> owners = new ConcurrentHashMap<>();

    public MlDecisionRecorder(MlDecisionRepository decisions, JdbcClient jdbc) {
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    @Override
    public void onDecision(String botId, MlDecision d) {
        try {
            UUID bot = UUID.fromString(botId);
            UUID owner = owners.computeIfAbsent(bot, id -> jdbc.sql("SELECT owner_id FROM bots WHERE id = :id")
                    .param("id", id).query(UUID.class).single());
            decisions.insert(owner, bot, d.time(), UUID.fromString(d.modelId().strip()), d.confidence(),
                    d.threshold(), d.acted(), d.clientOrderId(), d.note());
        } catch (RuntimeException e) {
            log.warn("Decision of bot {} at {} not stored: {}", botId, d.time(), e.toString());
        }
    }
}
