package dev.botfleet.server.ml;

import dev.botfleet.ml.strategy.MlDecision;
import dev.botfleet.server.common.CommitLane;
import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.common.LaneWaits;
import dev.botfleet.server.runtime.BotWrites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.botfleet.server.common.LaneWaits.holdWriter;
import static dev.botfleet.server.common.LaneWaits.awaitSettled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ml-signal bot's decision names the entry order it placed: for a bot that writes behind its turns, the decision is
 * queued behind the order's intent and so is never stored before it (the confidences endpoint never shows an order
 * the bot's orders do not have yet).
 */
class MlDecisionRecorderTest {
    private final UUID owner = UUID.randomUUID();
    private final UUID bot = UUID.randomUUID();
    private final UUID model = UUID.randomUUID();
    private DataSource data;
    private JdbcClient jdbc;
    private GroupCommit commits;
    private CommitLane.Backlog behind;

    @BeforeEach
    void database() {
        data = new DriverManagerDataSource("jdbc:h2:mem:ml" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(data);
        jdbc.sql("CREATE TABLE bots (id UUID PRIMARY KEY, owner_id UUID NOT NULL)").update();
        jdbc.sql("CREATE TABLE orders (client_order_id VARCHAR(64) PRIMARY KEY)").update();
        jdbc.sql("""
                CREATE TABLE ml_decisions (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, owner_id UUID NOT NULL,
                    bot_id UUID NOT NULL, decided_at TIMESTAMP WITH TIME ZONE NOT NULL, model_id UUID NOT NULL,
                    confidence DOUBLE PRECISION NOT NULL, threshold DOUBLE PRECISION NOT NULL, acted BOOLEAN NOT NULL,
                    client_order_id VARCHAR(64), note VARCHAR(200))""").update();
        jdbc.sql("INSERT INTO bots VALUES (:id, :owner)").param("id", bot).param("owner", owner).update();
        commits = new GroupCommit(new TransactionTemplate(new JdbcTransactionManager(data)), 256, 1);
        behind = commits.lane(bot).backlog(bot);
    }

    @AfterEach
    void close() {
        commits.close();
    }

    private MlDecisionRecorder recorder(BotWrites writes) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("runtime", writes));
        return new MlDecisionRecorder(new MlDecisionRepository(jdbc, new NamedParameterJdbcTemplate(data)),
                jdbc, beans.getBeanProvider(BotWrites.class));
    }

    @Test
    void aWriteBehindBotsEntryDecisionIsStoredWithOrAfterItsOrderNeverBefore() throws Exception {
        MlDecisionRecorder recorder = recorder(id -> id.equals(bot) ? behind : null);
        CommitLane lane = commits.lane(bot);
        // the writer is busy while the bot's turn queues its order's intent and then records the decision that placed it
        LaneWaits.HeldWriter held = holdWriter(lane);
        behind.submit(() -> jdbc.sql("INSERT INTO orders VALUES ('bot-1')").update(), () -> { }, e -> { });

        recorder.onDecision(bot.toString(), decision("bot-1"));

        assertThat(decisions()).as("the decision waits behind the order's intent").isZero();
        assertThat(lane.waiting()).isEqualTo(2);
        held.release();
        awaitSettled(behind);
        assertThat(decisions()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT client_order_id FROM ml_decisions").query(String.class).single()).isEqualTo("bot-1");
        assertThat(jdbc.sql("SELECT owner_id FROM ml_decisions").query(UUID.class).single()).isEqualTo(owner);
    }

    @Test
    void aBotThatWaitsForItsWritesHasItsDecisionStoredAtOnce() {
        MlDecisionRecorder recorder = recorder(id -> null);
        recorder.onDecision(bot.toString(), decision(null));
        assertThat(decisions()).isEqualTo(1);
    }

    @Test
    void aDecisionThatCannotBeStoredIsLoggedAndTheBotGoesOn() {
        MlDecisionRecorder recorder = recorder(id -> null);
        // an unknown bot: no owner to file it under
        recorder.onDecision(UUID.randomUUID().toString(), decision(null));
        assertThat(decisions()).isZero();
    }

    private MlDecision decision(String order) {
        return new MlDecision(Instant.parse("2026-12-07T00:00:00Z"), model.toString(), 0.7, 0.5, order != null, order,
                order != null ? "entry placed" : "below the threshold", new double[]{1.0});
    }

    private int decisions() {
        return jdbc.sql("SELECT COUNT(*) FROM ml_decisions").query(Integer.class).single();
    }
}
