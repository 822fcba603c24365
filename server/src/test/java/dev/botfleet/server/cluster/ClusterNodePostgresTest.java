package dev.botfleet.server.cluster;

import dev.botfleet.server.order.LeaseFence;
import dev.botfleet.server.runtime.RuntimeTestBase;
import dev.botfleet.server.runtime.TradingRuntime;
import dev.botfleet.server.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real cluster node (Pekko on a loopback port, seed = itself) on the real PostgreSQL: a started bot runs as a
 * sharded entity under its shard's lease, its orders carry the lease epoch; a node whose lease is taken from it (as
 * after a pause past its lease) gives the bot up without stopping it; when the lease is free again the node takes it
 * under a newer epoch and the bot runs again from its journal; a user's stop goes through sharding.
 */
@OnPostgres
class ClusterNodePostgresTest extends RuntimeTestBase {
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        registry.add("botfleet.cluster.enabled", () -> "true");
        registry.add("botfleet.cluster.port", () -> PORT);
        registry.add("botfleet.cluster.seed-nodes", () -> "127.0.0.1:" + PORT);
        registry.add("botfleet.cluster.stable-after", () -> "1s");
        registry.add("botfleet.cluster.lease-ttl", () -> "3s");
        registry.add("botfleet.cluster.sweep-interval", () -> "1s");
    }

    @Autowired
    private TradingRuntime runtime;
    @Autowired
    private ClusterNode node;

    @Test
    void aBotRunsUnderItsShardLeaseAndIsGivenUpWhenTheLeaseIsTaken() {
        Session user = newUser();
        UUID bot = UUID.fromString(start(user, scalper(user, "0.0005", "0.0005")));
        String shard = node.leaseName(BotEntity.entityId(user.id(), bot));

        await("the bot running on this node", Duration.ofSeconds(60), () -> runtime.isRunning(bot), b -> b);
        LeaseFence lease = holder(shard).orElseThrow();
        assertThat(lease.owner()).contains("@127.0.0.1:" + PORT + "#");
        // its first order is journaled by the fenced insert, numbered from the epoch
        long epoch = await("an order under the lease", Duration.ofSeconds(60), () -> orderEpoch(bot), Optional::isPresent)
                .orElseThrow();
        assertThat(epoch).isEqualTo(lease.epoch());
        assertThat(minSequence(bot, epoch)).isGreaterThanOrEqualTo(epoch * 1_000_000 + 1);
        // and it trades: the simulated exchange behind the node's gate still matches its resting orders
        await("a fill under the lease", Duration.ofSeconds(90), () -> jdbc.sql("SELECT COUNT(*) FROM trades WHERE bot_id = :bot")
                .param("bot", bot).query(Long.class).single(), n -> n > 0);

        // the node "pauses" past its lease and another holder takes the shard
        jdbc.sql("UPDATE shard_leases SET expires_at = clock_timestamp() WHERE shard = :shard").param("shard", shard).update();
        ShardLeases thief = new ShardLeases(jdbc, "thief", Duration.ofMinutes(5));
        LeaseFence stolen = thief.acquire(shard).orElseThrow();
        assertThat(stolen.epoch()).isGreaterThan(epoch);
        await("the bot given up here", Duration.ofSeconds(30), () -> runtime.isRunning(bot), running -> !running);
        assertThat(status(bot)).as("given up, not stopped: its next owner runs it").isEqualTo("ACTIVE");
        long ordersBefore = ordersUnder(bot, epoch);

        // the lease is free again: the node takes it under a newer epoch and resumes the bot from its journal
        assertThat(thief.release(stolen)).isTrue();
        await("the bot running again", Duration.ofSeconds(60), () -> runtime.isRunning(bot), b -> b);
        LeaseFence again = holder(shard).orElseThrow();
        assertThat(again.owner()).isEqualTo(lease.owner());
        assertThat(again.epoch()).isGreaterThan(stolen.epoch());
        // the resumed session answers once it has rebuilt its kernel from the journal (slow on a loaded machine)
        long next = await("the resumed bot's next order number", Duration.ofSeconds(60),
                () -> runtime.inspect(bot, k -> k.nextSequence()), Optional::isPresent).orElseThrow();
        assertThat(next).isGreaterThanOrEqualTo(again.epoch() * 1_000_000 + 1);
        assertThat(ordersUnder(bot, epoch)).as("nothing more journaled under the lost epoch").isEqualTo(ordersBefore);

        // a user's stop reaches the bot through sharding
        Answer stopped = post("/api/v1/bots/" + bot + "/stop", user, null);
        assertThat(stopped.status()).as(String.valueOf(stopped.body())).isEqualTo(200);
        await("the bot stopped", Duration.ofSeconds(30), () -> runtime.isRunning(bot), running -> !running);
        assertThat(status(bot)).isEqualTo("STOPPED");
    }

    /** The race a CI run found: the user's stop lands while the bot's shard is between two holders. */
    @Test
    void aStopWhileTheShardIsBetweenHoldersIsCarriedOutByTheNextHolder() {
        Session user = newUser();
        UUID bot = UUID.fromString(start(user, scalper(user, "0.2", "0.2")));  // one buy resting far from the market
        String shard = node.leaseName(BotEntity.entityId(user.id(), bot));
        await("its buy resting", Duration.ofSeconds(60), () -> orderStatuses(bot), s -> s.equals(List.of("ACCEPTED")));

        // the shard leaves this node (as in a hand-off): the bot is given up, its order left resting, by design
        jdbc.sql("UPDATE shard_leases SET expires_at = clock_timestamp() WHERE shard = :shard").param("shard", shard).update();
        ShardLeases thief = new ShardLeases(jdbc, "thief", Duration.ofMinutes(5));
        LeaseFence stolen = thief.acquire(shard).orElseThrow();
        await("the bot given up here", Duration.ofSeconds(30), () -> runtime.isRunning(bot), running -> !running);

        // the user stops it now: STOPPED at once, but nobody holds the shard to cancel its order yet
        assertThat(post("/api/v1/bots/" + bot + "/stop", user, null).status()).isEqualTo(200);
        assertThat(status(bot)).isEqualTo("STOPPED");
        assertThat(pendingStop(bot)).isEqualTo("stopped by user");
        assertThat(orderStatuses(bot)).containsExactly("ACCEPTED");

        // the next holder finds the bot STOPPED with its stop pending: it carries the stop out
        assertThat(thief.release(stolen)).isTrue();
        await("the resting buy canceled", Duration.ofSeconds(60), () -> orderStatuses(bot), s -> s.equals(List.of("CANCELED")));
        await("the stop recorded as carried out", Duration.ofSeconds(30), () -> pendingStop(bot), p -> p == null);
        assertThat(status(bot)).isEqualTo("STOPPED");
        assertThat(runtime.isRunning(bot)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_logs WHERE bot_id = :bot AND message LIKE 'Finishing the stop%'")
                .param("bot", bot).query(Long.class).single()).isEqualTo(1);
    }

    private List<String> orderStatuses(UUID bot) {
        return jdbc.sql("SELECT status FROM orders WHERE bot_id = :bot ORDER BY created_at").param("bot", bot)
                .query(String.class).list();
    }

    private String pendingStop(UUID bot) {
        return jdbc.sql("SELECT pending_stop FROM bots WHERE id = :id").param("id", bot).query(String.class)
                .optional().orElse(null);
    }

    private Optional<LeaseFence> holder(String shard) {
        return new ShardLeases(jdbc, "reader", Duration.ofSeconds(1)).holder(shard);
    }

    private Optional<Long> orderEpoch(UUID bot) {
        return jdbc.sql("SELECT MIN(lease_epoch) FROM orders WHERE bot_id = :bot").param("bot", bot)
                .query(Long.class).optional();
    }

    private long minSequence(UUID bot, long epoch) {
        return jdbc.sql("SELECT client_order_id FROM orders WHERE bot_id = :bot AND lease_epoch = :epoch")
                .param("bot", bot).param("epoch", epoch).query(String.class).list().stream()
                .mapToLong(dev.botfleet.engine.order.ClientOrderIds::sequenceOf).min().orElseThrow();
    }

    private long ordersUnder(UUID bot, long epoch) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE bot_id = :bot AND lease_epoch = :epoch")
                .param("bot", bot).param("epoch", epoch).query(Long.class).single();
    }

    private String status(UUID bot) {
        return jdbc.sql("SELECT status FROM bots WHERE id = :id").param("id", bot).query(String.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
