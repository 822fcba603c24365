package dev.botfleet.server.cluster;

import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.order.LeaseFence;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

import java.util.Optional;
import java.util.UUID;

/**
 * One ACTIVE bot as a sharded entity: while it lives on a node, that node runs the bot through its
 * {@code TradingRuntime} under the lease of the bot's shard. The entity id is {@code <ownerId>:<botId>}.
 *
 * <p>Start: the shard holds its lease before any entity starts, so the entity launches the bot fenced with that
 * lease's epoch (the runtime reconciles in-flight orders from the journal before the bot trades). Stop: a user's stop
 * stops the bot here, then the entity passivates (remember-entities forgets it) once the stop is carried out (its
 * cancels sent). The entity stopping for any other reason — hand-off, lease lost, node leaving — gives the bot up
 * without stopping it: no cancel, no status change; the shard's next owner resumes it, and if the user's stop came in
 * between, carries that stop out (the bot's {@code pending_stop}: reconcile, cancel, nothing new sent).
 */
final class BotEntity {
    static final EntityTypeKey<Command> TYPE = EntityTypeKey.create(Command.class, "bot");

    /** Commands between nodes; serialized by {@link BotEntitySerializer}. */
    interface Remote {
    }

    sealed interface Command permits Ensure, Stop, Reconfigure, Ended, Leave, Query {
    }

    /**
     * A command or read for the running bot from any node, answered by one {@link Reply} (see {@link RemoteBots}):
     * {@link Reply#NOT_RUNNING} when the bot does not run here.
     */
    sealed interface Query extends Command, Remote permits Cancel, Signal, Running, Warmup, AwaitStopped {
        ActorRef<Reply> replyTo();
    }

    /** Manual cancel of an open order: answers "true" or "false" (no such open order). */
    record Cancel(String clientOrderId, ActorRef<Reply> replyTo) implements Query {
    }

    /** A webhook signal, queued in the bot's mailbox: answers "sent". */
    record Signal(ExternalSignal signal, ActorRef<Reply> replyTo) implements Query {
    }

    /** Does the bot run here: "yes" or not running. */
    record Running(ActorRef<Reply> replyTo) implements Query {
    }

    /** The warm-up progress: "needed/received", or "" when it needs none. */
    record Warmup(ActorRef<Reply> replyTo) implements Query {
    }

    /** Answers "done" once a stopping session here finished its last turn (at once if there is none). */
    record AwaitStopped(ActorRef<Reply> replyTo) implements Query {
    }

    /** The answer to a {@link Query}. */
    record Reply(String value) implements Remote {
        static final String NOT_RUNNING = "not-running";
        /** The bot did not handle it in time on its node. */
        static final String NO_ANSWER = "no-answer";
    }

    /** Run the bot if it is ACTIVE (or has a stop to carry out) and not running yet (a start, or the sweep). */
    record Ensure() implements Command, Remote {
    }

    /** A user's stop committed: stop the bot here. */
    record Stop(String reason) implements Command, Remote {
    }

    /** A reconfiguration committed: hand the running bot its stored config. */
    record Reconfigure() implements Command, Remote {
    }

    /** Local: the bot's session here ended (stopped, ERROR, done). */
    record Ended() implements Command {
    }

    /** Local: the stop message of hand-off and passivation. */
    record Leave() implements Command {
    }

    /** What an entity needs of its node. */
    interface Node {
        Optional<LeaseFence> fence(String entityId);

        void launch(UUID ownerId, UUID botId, LeaseFence fence);

        boolean runsHere(UUID botId);

        /** The bot is ACTIVE, or has a stop left to carry out (its node fell or its shard moved before its last turn). */
        boolean mustRun(UUID botId);

        void stopHere(UUID botId, String reason);

        void reconfigureHere(UUID ownerId, UUID botId);

        void abandon(UUID botId);

        void register(UUID botId, ActorRef<Command> entity);

        /**
         * True if the database still has {@code fence} as its shard's valid lease. Checked before (re)launching: a sweep
         * can come between a refused fenced write and the renewal that notices the lease is gone.
         */
        boolean holds(LeaseFence fence);

        /** Answers a query from the bot's session on this node (may block: called off the actor's thread). */
        String answer(UUID botId, Query query);

        void unregister(UUID botId, ActorRef<Command> entity);
    }

    private BotEntity() {
    }

    static String entityId(UUID ownerId, UUID botId) {
        return ownerId + ":" + botId;
    }

    static Behavior<Command> create(String entityId, ActorRef<ClusterSharding.ShardCommand> shard, Node node) {
        int colon = entityId.indexOf(':');
        UUID ownerId = UUID.fromString(entityId.substring(0, colon));
        UUID botId = UUID.fromString(entityId.substring(colon + 1));
        return Behaviors.setup(context -> {
            Optional<LeaseFence> fence = node.fence(entityId);
            if (fence.isEmpty()) {
                // cannot happen while the shard holds its lease; stopping makes the shard restart us after a back-off
                context.getLog().warn("Bot {}: its shard holds no lease here", botId);
                return Behaviors.stopped();
            }
            node.register(botId, context.getSelf());
            ensure(context, node, ownerId, botId, fence.get());
            return Behaviors.receive(Command.class)
                    .onMessage(Ensure.class, m -> {
                        ensure(context, node, ownerId, botId, fence.get());
                        return Behaviors.same();
                    })
                    .onMessage(Stop.class, m -> {
                        // waits for a launch under way (see TradingRuntime.stopLocal): off the actor's thread
                        Thread.ofVirtual().name("stop-" + botId).start(() -> node.stopHere(botId, m.reason()));
                        return Behaviors.same();
                    })
                    .onMessage(Reconfigure.class, m -> {
                        Thread.ofVirtual().start(() -> node.reconfigureHere(ownerId, botId));
                        return Behaviors.same();
                    })
                    .onMessage(Ended.class, m -> {
                        ActorRef<Command> self = context.getSelf();
                        Thread.ofVirtual().start(() -> {
                            // started again meanwhile (a user's start after a stop): run it, else forget the entity;
                            // with the lease gone, neither: the shard stops and its next holder runs the bot
                            if (!node.mustRun(botId)) shard.tell(new ClusterSharding.Passivate<>(self));
                            else if (node.holds(fence.get())) node.launch(ownerId, botId, fence.get());
                        });
                        return Behaviors.same();
                    })
                    .onMessage(Query.class, q -> {
                        // the runtime waits for the bot's turn: off the actor's thread
                        Thread.ofVirtual().name("query-" + botId).start(() -> q.replyTo().tell(answer(node, botId, q)));
                        return Behaviors.same();
                    })
                    .onMessage(Leave.class, m -> Behaviors.stopped())
                    .onSignal(PostStop.class, s -> {
                        node.unregister(botId, context.getSelf());
                        node.abandon(botId);
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static Reply answer(Node node, UUID botId, Query query) {
        try {
            return new Reply(node.answer(botId, query));
        } catch (ApiException.Conflict e) {
            return new Reply(Reply.NOT_RUNNING);  // it stopped meanwhile: the asking node answers 409
        } catch (RuntimeException e) {
            return new Reply(Reply.NO_ANSWER);  // e.g. its turn did not come in time: the asking node answers 503
        }
    }

    /** Launching reads the journal and may reconcile with a venue: off the actor's thread. */
    private static void ensure(ActorContext<Command> context, Node node, UUID ownerId, UUID botId, LeaseFence fence) {
        if (node.runsHere(botId)) return;
        ActorRef<Command> self = context.getSelf();
        Thread.ofVirtual().name("launch-" + botId).start(() -> {
            if (!node.holds(fence)) return;  // lost meanwhile: the shard stops, its next holder runs the bot
            node.launch(ownerId, botId, fence);
            if (!node.runsHere(botId) && !node.mustRun(botId)) self.tell(new Ended());
        });
    }
}
