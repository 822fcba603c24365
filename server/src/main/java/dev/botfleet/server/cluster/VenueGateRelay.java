package dev.botfleet.server.cluster;

import dev.botfleet.exchanges.http.VenueGate;
import dev.botfleet.server.venue.VenueRegistry;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.pubsub.DistributedPubSub;
import org.apache.pekko.cluster.pubsub.DistributedPubSubMediator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.Map;

/**
 * A venue's 429 pause or 418 ban, told to one node, holds every node back. The nodes share the venue's limits (the
 * order-rate limits are per account, the request weight per address when they share one), and a call from another
 * node during the wait counts at the venue as not backing off, which ends in a ban of the address (Binance's rule;
 * found by ClusterFailoverIT on the Binance fake: bots on two nodes, one told to wait, the other sending on). Each
 * node passes the waits its own calls were told ({@link VenueGate.Watcher}) to the others on one Distributed Publish
 * Subscribe topic; what it hears it holds ({@link VenueGate#hold}) without passing it on.
 */
final class VenueGateRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(VenueGateRelay.class);
    private static final String TOPIC = "venue-gates";

    /** A wait venue {@code venue} asked of node {@code origin} on {@code network}; serialized by GateWaitSerializer. */
    record GateWait(String venue, String network, boolean ban, long millis, String origin) {
    }

    private final ClusterNode node;
    private final VenueRegistry venues;
    private volatile org.apache.pekko.actor.ActorRef mediator;
    private volatile String self;
    private volatile boolean running;

    VenueGateRelay(ClusterNode node, VenueRegistry venues) {
        this.node = node;
        this.venues = venues;
    }

    @Override
    public void start() {
        ActorSystem<Void> system = node.system();
        if (system == null) throw new IllegalStateException("the cluster node is not started");
        var classic = Adapter.toClassic(system);
        self = classic.provider().getDefaultAddress().toString();
        mediator = DistributedPubSub.get(classic).mediator();
        system.systemActorOf(inbox(), "venue-gate-inbox", Props.empty());
        for (VenueRegistry.Entry entry : venues.all()) {
            String venue = entry.venue().id();
            for (Map.Entry<String, VenueGate> gate : entry.venue().gates().entrySet()) {
                gate.getValue().watch((ban, millis) -> tell(new GateWait(venue, gate.getKey(), ban, millis, self)));
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (VenueRegistry.Entry entry : venues.all()) entry.venue().gates().values().forEach(g -> g.watch(null));
    }

    @Override
    public boolean isRunning() { return running; }

    /** After the cluster node (phase 2), stopped before it. */
    @Override
    public int getPhase() { return 3; }

    private void tell(GateWait wait) {
        var m = mediator;
        if (m != null && running) m.tell(new DistributedPubSubMediator.Publish(TOPIC, wait), org.apache.pekko.actor.ActorRef.noSender());
    }

    private Behavior<Object> inbox() {
        return Behaviors.setup(context -> {
            var me = Adapter.toClassic(context.getSelf());
            mediator.tell(new DistributedPubSubMediator.Subscribe(TOPIC, me), me);
            return Behaviors.receive(Object.class)
                    .onMessage(GateWait.class, w -> {
                        if (!w.origin().equals(self)) hold(w);
                        return Behaviors.same();
                    })
                    .onAnyMessage(m -> Behaviors.same())  // SubscribeAck
                    .build();
        });
    }

    private void hold(GateWait w) {
        VenueGate gate = venues.find(w.venue()).map(e -> e.venue().gates().get(w.network())).orElse(null);
        if (gate == null) return;  // a venue this node does not use
        gate.hold(w.ban(), w.millis());
        log.warn("{} ({}): holding every call back {} ms: node {} was {}", w.venue(), w.network(), w.millis(), w.origin(),
                w.ban() ? "banned (418)" : "told to wait (429)");
    }
}
