package dev.botfleet.server.cluster;

import dev.botfleet.server.stream.EventStream;
import dev.botfleet.server.stream.StreamRelay;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.pubsub.DistributedPubSub;
import org.apache.pekko.cluster.pubsub.DistributedPubSubMediator;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The event stream across nodes on Pekko's Distributed Publish Subscribe: one topic per user ({@code stream-<ownerId>});
 * a node subscribes its inbox to a user's topic while that user has a client connected to it, and publishes every
 * message of that user's bots to the topic. The mediator sends a message only to nodes with a subscriber, and to each
 * once. A node also learns, once a {@link #TOPICS_POLL}, which topics have subscribers anywhere, so its runtime builds
 * order and trade messages only for users someone watches.
 */
final class ClusterStreamRelay implements StreamRelay, SmartLifecycle {
    static final Duration TOPICS_POLL = Duration.ofMillis(500);
    private static final String PREFIX = "stream-";

    /** A message for the clients of {@code ownerId}, published by node {@code origin}; serialized by StreamEventSerializer. */
    record StreamEvent(UUID ownerId, String origin, String text) {
    }

    /** Local: the clients of an owner on this node changed. */
    private record ClientsChanged(UUID ownerId) {
    }

    /** Local: time to ask the mediator which topics have subscribers. */
    private enum PollTopics { TICK }

    private final ClusterNode node;
    private final EventStream stream;
    private volatile ActorSystem<Void> system;
    private volatile org.apache.pekko.actor.ActorRef mediator;
    private volatile ActorRef<Object> inbox;
    private volatile String self;
    /** Users with a subscriber on some node (this one included), as of the last poll. */
    private volatile Set<UUID> watched = Set.of();

    ClusterStreamRelay(ClusterNode node, EventStream stream) {
        this.node = node;
        this.stream = stream;
    }

    @Override
    public void start() {
        ActorSystem<Void> sys = node.system();
        if (sys == null) throw new IllegalStateException("the cluster node is not started");
        var classic = Adapter.toClassic(sys);
        self = classic.provider().getDefaultAddress().toString();
        mediator = DistributedPubSub.get(classic).mediator();
        inbox = sys.systemActorOf(inbox(), "stream-inbox", Props.empty());
        system = sys;
    }

    /** The inbox ends with the actor system, which the cluster node terminates next (phase 2). */
    @Override
    public void stop() {
        system = null;
        inbox = null;
        watched = Set.of();
    }

    @Override
    public boolean isRunning() {
        return system != null;
    }

    /** After the cluster node (phase 2), stopped before it. */
    @Override
    public int getPhase() {
        return 3;
    }

    // ---------------------------------------------------------------- StreamRelay

    @Override
    public void publish(UUID ownerId, String message) {
        var m = mediator;
        if (m == null || system == null) return;
        m.tell(new DistributedPubSubMediator.Publish(PREFIX + ownerId, new StreamEvent(ownerId, self, message)),
                org.apache.pekko.actor.ActorRef.noSender());
    }

    @Override
    public boolean watchedAnywhere(UUID ownerId) {
        return watched.contains(ownerId);
    }

    @Override
    public void clientsChanged(UUID ownerId) {
        var i = inbox;
        if (i != null) i.tell(new ClientsChanged(ownerId));
    }

    // ---------------------------------------------------------------- the inbox actor

    private Behavior<Object> inbox() {
        return Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(PollTopics.TICK, TOPICS_POLL);
            return Behaviors.setup(context -> {
                var me = Adapter.toClassic(context.getSelf());
                return Behaviors.receive(Object.class)
                        .onMessage(StreamEvent.class, e -> {
                            // the publishing node delivered to its own clients already
                            if (!e.origin().equals(self)) stream.deliver(e.ownerId(), e.text());
                            return Behaviors.same();
                        })
                        .onMessage(ClientsChanged.class, c -> {
                            // decided by the state now, not by the event: a connect and a disconnect may cross
                            String topic = PREFIX + c.ownerId();
                            mediator.tell(stream.watchingHere(c.ownerId())
                                    ? new DistributedPubSubMediator.Subscribe(topic, me)
                                    : new DistributedPubSubMediator.Unsubscribe(topic, me), me);
                            return Behaviors.same();
                        })
                        .onMessage(PollTopics.class, t -> {
                            mediator.tell(DistributedPubSubMediator.getTopicsInstance(), me);
                            return Behaviors.same();
                        })
                        .onMessage(DistributedPubSubMediator.CurrentTopics.class, topics -> {
                            watched = topics.getTopics().stream().filter(n -> n.startsWith(PREFIX))
                                    .map(n -> UUID.fromString(n.substring(PREFIX.length()))).collect(Collectors.toUnmodifiableSet());
                            return Behaviors.same();
                        })
                        .onAnyMessage(m -> Behaviors.same())  // SubscribeAck, UnsubscribeAck
                        .build();
            });
        });
    }
}
