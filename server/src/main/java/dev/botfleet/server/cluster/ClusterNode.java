package dev.botfleet.server.cluster;

import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.engine.strategy.WarmupProgress;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.order.LeaseFence;
import dev.botfleet.server.runtime.BotPlacement;
import dev.botfleet.server.runtime.RuntimeRepository;
import dev.botfleet.server.runtime.TradingRuntime;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.HashCodeMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This server as one node of a Pekko cluster (only with botfleet.cluster.enabled=true; docs/cluster.md). Starts after
 * the trading runtime: creates the actor system, joins the seed nodes, starts sharding of bots with remember-entities
 * and the PostgreSQL shard lease, and once up asks sharding to run every ACTIVE bot (again every sweep-interval). It is
 * the runtime's {@link BotPlacement}: starts, stops and reconfigurations go through sharding to the bot's owner node.
 * A node the cluster downs (split brain resolver) runs coordinated shutdown and the process exits with exit-code.
 */
final class ClusterNode implements SmartLifecycle, BotPlacement, BotEntity.Node, ClusterMembership {
    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    /** How often the other members' database sessions are looked at ({@link SessionWatch}). */
    private static final long SESSION_POLL_MILLIS = 250;

    private final ClusterProperties properties;
    private final TradingRuntime runtime;
    private final RuntimeRepository runtimeBots;
    private final JdbcClient jdbc;
    private final HashCodeMessageExtractor<BotEntity.Command> shards;
    private final Map<UUID, ActorRef<BotEntity.Command>> entities = new ConcurrentHashMap<>();
    private volatile ActorSystem<Void> system;
    private volatile ActorRef<ShardingEnvelope<BotEntity.Command>> region;
    private volatile RemoteBots remote;
    private volatile ScheduledExecutorService sweeps;
    private volatile SessionWatch sessionWatch;
    private volatile ScheduledExecutorService watchTimer;
    private volatile boolean leaving;
    private final javax.sql.DataSource dataSource;

    ClusterNode(ClusterProperties properties, TradingRuntime runtime, RuntimeRepository runtimeBots, JdbcClient jdbc,
                javax.sql.DataSource dataSource) {
        properties.validate();
        this.dataSource = dataSource;
        this.properties = properties;
        this.runtime = runtime;
        this.runtimeBots = runtimeBots;
        this.jdbc = jdbc;
        this.shards = new HashCodeMessageExtractor<>(properties.shards());
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        requirePostgres();
        leaving = false;
        ActorSystem<Void> sys = ActorSystem.create(Behaviors.empty(), PekkoConfig.SYSTEM, PekkoConfig.of(properties));
        String owner = nodeId(Cluster.get(sys).selfMember().uniqueAddress());
        LeaseBinding.bind(Adapter.toClassic(sys),
                new LeaseBinding(new ShardLeases(jdbc, owner, properties.leaseTtl()), properties.leaseRenewInterval()));
        region = ClusterSharding.get(sys).init(Entity.of(BotEntity.TYPE,
                        ctx -> BotEntity.create(ctx.getEntityId(), ctx.getShard(), this))
                .withMessageExtractor(shards)
                .withStopMessage(new BotEntity.Leave()));
        remote = new RemoteBots(sys, region, jdbc, runtime, RemoteBots.Timeouts.DEFAULT);
        system = sys;
        sweeps = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("cluster-sweep").factory());
        watchSessions(sys, owner);
        org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(sys)).registerOnMemberUp(() -> {
            log.info("Cluster node {} is up", owner);
            long every = properties.sweepInterval().toMillis();
            sweeps.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
        });
        sys.getWhenTerminated().thenRun(() -> {
            if (leaving) return;
            // downed by the cluster (or Pekko failed): this process may no longer trade; a supervisor restarts it
            log.error("Cluster node {} was removed from the cluster; exiting with status {}", owner, properties.exitCode());
            Thread.ofPlatform().name("cluster-exit").start(() -> System.exit(properties.exitCode()));
        });
        // Its actor system's termination can hang after a partition (remoting flushing to nodes it cannot reach; seen
        // once in ClusterPartitionIT: "actor-system-terminate timed out" and no end): a downed node exits all the same.
        CoordinatedShutdown.get(Adapter.toClassic(sys)).addTask(CoordinatedShutdown.PhaseClusterShutdown(),
                "exit-if-termination-hangs", () -> {
                    if (!leaving) exitIfNotTerminatedWithin(sys, owner, EXIT_GRACE);
                    return java.util.concurrent.CompletableFuture.completedFuture(org.apache.pekko.Done.getInstance());
                });
        log.info("Cluster node {} joining {}", owner, properties.seedNodes());
    }

    /** How long a downed node's actor system may take to terminate before the process exits without it. */
    static final java.time.Duration EXIT_GRACE = java.time.Duration.ofSeconds(20);

    private void exitIfNotTerminatedWithin(ActorSystem<Void> sys, String owner, java.time.Duration grace) {
        Thread.ofPlatform().daemon().name("cluster-exit-watchdog").start(() -> {
            try {
                sys.getWhenTerminated().toCompletableFuture().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (leaving) return;
                log.error("Cluster node {} was removed from the cluster and its actor system did not stop within {};"
                        + " exiting with status {}", owner, grace, properties.exitCode());
                System.exit(properties.exitCode());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // terminated with a failure: the handler of its termination exits
            }
        });
    }

    /**
     * A node's identity as lease owner and session-lock key: {@code host:port#uid}, unique per process (a restarted
     * node on the same port is a new owner).
     */
    private static String nodeId(org.apache.pekko.cluster.UniqueAddress node) {
        return node.address().hostPort() + "#" + node.longUid();
    }

    /**
     * Holds this node's database session lock and downs a member whose process is gone as soon as its session ends
     * ({@link SessionWatch}): a killed node's bots then move without waiting for the failure detector.
     */
    private void watchSessions(ActorSystem<Void> sys, String owner) {
        Cluster cluster = Cluster.get(sys);
        Map<String, org.apache.pekko.cluster.UniqueAddress> addresses = new ConcurrentHashMap<>();
        SessionWatch watch = new SessionWatch(dataSource, owner, () -> {
            java.util.List<String> up = new java.util.ArrayList<>();
            if (cluster.selfMember().status() != MemberStatus.up()) return up;  // a joining node downs nobody
            for (var member : cluster.state().getMembers()) {
                if (member.status() != MemberStatus.up() && member.status() != MemberStatus.weaklyUp()) continue;
                var unique = member.uniqueAddress();
                String id = nodeId(unique);
                addresses.put(id, unique);
                up.add(id);
            }
            return up;
        }, member -> {
            var unique = addresses.get(member);
            if (unique == null) return;
            cluster.manager().tell(new org.apache.pekko.cluster.typed.Down(unique.address()));
            // The leader removes a Down member (and sharding moves its shards) only once it is unreachable, which the
            // failure detector would say seconds later. Quarantining the dead incarnation (its uid: a restarted node
            // has a new one) marks it terminated at once, as Pekko does when remoting gives up on a node.
            var classic = (org.apache.pekko.actor.ExtendedActorSystem) Adapter.toClassic(sys);
            ((org.apache.pekko.remote.RemoteActorRefProvider) classic.provider()).quarantine(unique.address(),
                    scala.Option.apply((Object) unique.longUid()), "its database session ended");
        });
        try {
            watch.start();
        } catch (java.sql.SQLException e) {
            // the watch starts its session on its first poll instead; until then other nodes see no lock to watch
            log.warn("Cluster session watch: could not take this node's lock yet: {}", e.toString());
        }
        sessionWatch = watch;
        // its own thread: a sweep over thousands of bots must not delay it
        watchTimer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("cluster-session-watch").factory());
        watchTimer.scheduleWithFixedDelay(watch::poll, SESSION_POLL_MILLIS, SESSION_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public String status() {
        ActorSystem<Void> sys = system;
        return sys == null ? "NotStarted" : Cluster.get(sys).selfMember().status().toString();
    }

    /** Leases and fencing rely on PostgreSQL (ON CONFLICT, FOR SHARE, clock_timestamp()). */
    private void requirePostgres() {
        String product = jdbc.sql("SELECT 1").query((rs, i) -> {
            try {
                return rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }).single();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            throw new IllegalStateException("botfleet.cluster.enabled=true needs PostgreSQL (spring.datasource.url); found "
                    + product);
        }
    }

    /**
     * Every ACTIVE bot, and every bot with a stop left to carry out: make sure its entity runs somewhere (idempotent; a
     * running entity ignores it).
     */
    private void sweep() {
        try {
            if (system == null || Cluster.get(system).selfMember().status() != MemberStatus.up()) return;
            for (var bot : runtimeBots.botsToRun()) send(bot.ownerId(), bot.id(), new BotEntity.Ensure());
        } catch (RuntimeException e) {
            log.warn("Cluster sweep of ACTIVE bots failed: {}", e.getMessage());
        }
    }

    /** A clean leave: shards hand off (their bots are given up, not stopped) and leases are released. */
    @Override
    public void stop() {
        ActorSystem<Void> sys = system;
        if (sys == null) return;
        leaving = true;
        if (sweeps != null) sweeps.shutdownNow();
        if (watchTimer != null) watchTimer.shutdownNow();
        try {
            CoordinatedShutdown.get(Adapter.toClassic(sys)).runAll(CoordinatedShutdown.clusterLeavingReason())
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Cluster leave did not complete cleanly: {}", e.toString());
            sys.terminate();
        }
        LeaseBinding.unbind(Adapter.toClassic(sys));
        SessionWatch watch = sessionWatch;
        if (watch != null) watch.close();  // after the leave: the others must not read it as this process's death
        sessionWatch = null;
        remote = null;
        system = null;
    }

    @Override
    public boolean isRunning() {
        return system != null;
    }

    /** The node's actor system while it runs, else null. */
    ActorSystem<Void> system() {
        return system;
    }

    /** After the runtime (phase 1) has started; stopped before it. */
    @Override
    public int getPhase() {
        return 2;
    }

    // ---------------------------------------------------------------- BotPlacement (after commit, any node)

    @Override
    public void start(UUID ownerId, UUID botId) {
        send(ownerId, botId, new BotEntity.Ensure());
    }

    @Override
    public void stop(UUID ownerId, UUID botId, String reason) {
        send(ownerId, botId, new BotEntity.Stop(reason));
    }

    @Override
    public void reconfigure(UUID ownerId, UUID botId) {
        send(ownerId, botId, new BotEntity.Reconfigure());
    }

    @Override
    public void ended(UUID ownerId, UUID botId) {
        ActorRef<BotEntity.Command> entity = entities.get(botId);
        if (entity != null) entity.tell(new BotEntity.Ended());
    }

    @Override
    public boolean cancel(UUID botId, String clientOrderId) {
        return remote().cancel(botId, clientOrderId);
    }

    @Override
    public boolean signal(UUID botId, ExternalSignal signal) {
        return remote().signal(botId, signal);
    }

    @Override
    public boolean isRunning(UUID botId) {
        return runtime.isRunning(botId) || remote().isRunning(botId);
    }

    @Override
    public Optional<WarmupProgress> warmup(UUID botId) {
        return remote().warmup(botId);
    }

    @Override
    public void awaitStopped(UUID botId) {
        remote().awaitStopped(botId);
    }

    private RemoteBots remote() {
        RemoteBots r = remote;
        if (r == null) throw new ApiException.BotNodeUnavailable("This cluster node is not started yet; try again");
        return r;
    }

    private void send(UUID ownerId, UUID botId, BotEntity.Command command) {
        var r = region;
        if (r == null) throw new IllegalStateException("the cluster node is not started");
        r.tell(new ShardingEnvelope<>(BotEntity.entityId(ownerId, botId), command));
    }

    // ---------------------------------------------------------------- BotEntity.Node (on the owner node)

    /** The lease name Pekko gives a shard: {@code <system>-shard-<type>-<shard id>}. */
    String leaseName(String entityId) {
        return PekkoConfig.SYSTEM + "-shard-" + BotEntity.TYPE.name() + "-" + shards.shardId(entityId);
    }

    @Override
    public Optional<LeaseFence> fence(String entityId) {
        var sys = system;
        return sys == null ? Optional.empty() : LeaseBinding.of(Adapter.toClassic(sys)).fence(leaseName(entityId));
    }

    @Override
    public void launch(UUID ownerId, UUID botId, LeaseFence fence) {
        runtime.launchFenced(ownerId, botId, fence);
    }

    @Override
    public boolean runsHere(UUID botId) {
        return runtime.isRunning(botId);
    }

    @Override
    public String answer(UUID botId, BotEntity.Query query) {
        return remote().answer(botId, query);
    }

    @Override
    public boolean fresh(LeaseFence fence) {
        var sys = system;
        return sys != null && LeaseBinding.of(Adapter.toClassic(sys)).fresh(fence);
    }

    @Override
    public boolean holds(LeaseFence fence) {
        return new ShardLeases(jdbc, fence.owner(), properties.leaseTtl()).holder(fence.shard()).filter(fence::equals)
                .isPresent();
    }

    @Override
    public boolean mustRun(UUID botId) {
        return runtimeBots.mustRun(botId);
    }

    @Override
    public void stopHere(UUID botId, String reason) {
        runtime.stopLocal(botId, reason);
    }

    @Override
    public void reconfigureHere(UUID ownerId, UUID botId) {
        runtime.reconfigureLocal(ownerId, botId);
    }

    @Override
    public void abandon(UUID botId) {
        runtime.abandon(botId);
    }

    @Override
    public void register(UUID botId, ActorRef<BotEntity.Command> entity) {
        entities.put(botId, entity);
    }

    @Override
    public void unregister(UUID botId, ActorRef<BotEntity.Command> entity) {
        entities.remove(botId, entity);
    }
}
