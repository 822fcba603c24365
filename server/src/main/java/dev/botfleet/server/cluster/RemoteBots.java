package dev.botfleet.server.cluster;

import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.engine.strategy.WarmupProgress;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.runtime.TradingRuntime;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Commands and reads that need a running bot, from any node to the bot's owner node through sharding (asking its
 * entity), and their answers on the owner node from its runtime. Only ACTIVE bots are asked (asking an entity starts
 * it), except {@link #awaitStopped}, which is about a bot just stopped. An owner that does not answer in time is a 503
 * ({@link ApiException.BotNodeUnavailable}) for commands, nothing for the warm-up read of a bot list.
 */
final class RemoteBots {
    private static final Logger log = LoggerFactory.getLogger(RemoteBots.class);
    /**
     * How long an ask waits for the owner node. {@code command}: a cancel or a finishing stop waits up to 10 s for the
     * bot's turn there (TradingRuntime), so a little more; {@code quick}: a signal or "does it run" asks nothing of the
     * bot's turn; {@code read}: the warm-up decorates bot answers (lists too), a slow node must not hold them up long.
     */
    record Timeouts(Duration command, Duration quick, Duration read) {
        static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(12), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    private final ActorSystem<Void> system;
    private final ActorRef<ShardingEnvelope<BotEntity.Command>> region;
    private final JdbcClient jdbc;
    private final TradingRuntime runtime;
    private final Timeouts timeouts;

    RemoteBots(ActorSystem<Void> system, ActorRef<ShardingEnvelope<BotEntity.Command>> region, JdbcClient jdbc,
               TradingRuntime runtime, Timeouts timeouts) {
        this.timeouts = timeouts;
        this.system = system;
        this.region = region;
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    // ---------------------------------------------------------------- asking (any node)

    boolean cancel(UUID botId, String clientOrderId) {
        String reply = askActive(botId, r -> new BotEntity.Cancel(clientOrderId, r), timeouts.command())
                .orElse(BotEntity.Reply.NOT_RUNNING);
        if (reply.equals(BotEntity.Reply.NOT_RUNNING)) {
            throw new ApiException.Conflict("The bot is not running, so it cannot cancel orders; start it first");
        }
        return Boolean.parseBoolean(reply);
    }

    boolean signal(UUID botId, ExternalSignal signal) {
        return askActive(botId, r -> new BotEntity.Signal(signal, r), timeouts.quick()).filter("sent"::equals).isPresent();
    }

    boolean isRunning(UUID botId) {
        return askActive(botId, BotEntity.Running::new, timeouts.quick()).filter("yes"::equals).isPresent();
    }

    Optional<WarmupProgress> warmup(UUID botId) {
        try {
            return askActive(botId, BotEntity.Warmup::new, timeouts.read()).flatMap(RemoteBots::progress);
        } catch (ApiException.BotNodeUnavailable e) {
            log.debug("Warm-up of bot {} unknown: {}", botId, e.getMessage());
            return Optional.empty();
        }
    }

    void awaitStopped(UUID botId) {
        Optional<UUID> owner = jdbc.sql("SELECT owner_id FROM bots WHERE id = :id").param("id", botId)
                .query(UUID.class).optional();
        if (owner.isPresent()) ask(owner.get(), botId, BotEntity.AwaitStopped::new, timeouts.command());
    }

    /** Empty when the bot is not ACTIVE (it runs nowhere); else its entity's reply. */
    private Optional<String> askActive(UUID botId, Function<ActorRef<BotEntity.Reply>, BotEntity.Query> query,
                                       Duration timeout) {
        Optional<UUID> owner = jdbc.sql("SELECT owner_id FROM bots WHERE id = :id AND status = 'ACTIVE'")
                .param("id", botId).query(UUID.class).optional();
        return owner.map(o -> ask(o, botId, query, timeout));
    }

    private String ask(UUID ownerId, UUID botId, Function<ActorRef<BotEntity.Reply>, BotEntity.Query> query,
                       Duration timeout) {
        String entityId = BotEntity.entityId(ownerId, botId);
        var answer = AskPattern.<ShardingEnvelope<BotEntity.Command>, BotEntity.Reply>ask(region,
                replyTo -> new ShardingEnvelope<>(entityId, query.apply(replyTo)), timeout, system.scheduler());
        String reply;
        try {
            // the ask fails by itself after timeout; the extra second only guards against a lost completion
            reply = answer.toCompletableFuture().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).value();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(botId, timeout);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(botId, timeout);
        }
        if (reply.equals(BotEntity.Reply.NO_ANSWER)) throw unavailable(botId, timeout);
        return reply;
    }

    private static ApiException.BotNodeUnavailable unavailable(UUID botId, Duration timeout) {
        return new ApiException.BotNodeUnavailable("The cluster node running bot " + botId + " did not answer within "
                + timeout.toSeconds() + " s; try again");
    }

    private static Optional<WarmupProgress> progress(String reply) {
        int slash = reply.indexOf('/');
        if (slash < 0) return Optional.empty();
        return Optional.of(new WarmupProgress(Integer.parseInt(reply.substring(0, slash)),
                Integer.parseInt(reply.substring(slash + 1))));
    }

    // ---------------------------------------------------------------- answering (the owner node, off the actor thread)

    String answer(UUID botId, BotEntity.Query query) {
        return switch (query) {
            case BotEntity.Cancel c -> String.valueOf(runtime.cancelHere(botId, c.clientOrderId()));
            case BotEntity.Signal s -> runtime.signalHere(botId, s.signal()) ? "sent" : BotEntity.Reply.NOT_RUNNING;
            case BotEntity.Running r -> runtime.isRunning(botId) ? "yes" : BotEntity.Reply.NOT_RUNNING;
            case BotEntity.Warmup w -> runtime.warmupHere(botId).map(p -> p.needed() + "/" + p.received()).orElse("");
            case BotEntity.AwaitStopped a -> {
                runtime.awaitStoppedHere(botId);
                yield "done";
            }
        };
    }
}
