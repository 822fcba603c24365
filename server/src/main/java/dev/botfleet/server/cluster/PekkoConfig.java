package dev.botfleet.server.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.util.stream.Collectors;

/** The Pekko configuration of a node, made from {@link ClusterProperties} (each setting explained in docs/cluster.md). */
final class PekkoConfig {
    static final String SYSTEM = "botfleet";
    /** Config path of our shard lease (PostgreSQL, {@link PostgresLease}). */
    static final String LEASE = "botfleet.shard-lease";

    private PekkoConfig() {
    }

    static Config of(ClusterProperties p) {
        String seeds = p.seedNodes().stream().map(s -> "\"pekko://" + SYSTEM + "@" + s.trim() + "\"")
                .collect(Collectors.joining(", "));
        String text = """
                pekko {
                  loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
                  logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
                  loglevel = INFO
                  actor {
                    provider = cluster
                    serializers {
                      botfleet-bot = "dev.botfleet.server.cluster.BotEntitySerializer"
                      botfleet-stream = "dev.botfleet.server.cluster.StreamEventSerializer"
                      botfleet-gate = "dev.botfleet.server.cluster.GateWaitSerializer"
                    }
                    serialization-bindings {
                      "dev.botfleet.server.cluster.BotEntity$Remote" = botfleet-bot
                      "dev.botfleet.server.cluster.ClusterStreamRelay$StreamEvent" = botfleet-stream
                      "dev.botfleet.server.cluster.VenueGateRelay$GateWait" = botfleet-gate
                    }
                  }
                  remote.artery.canonical { hostname = "%s", port = %d }
                  coordinated-shutdown {
                    # Spring's shutdown drives a clean leave; a downed node exits through ClusterNode (exit-code)
                    run-by-jvm-shutdown-hook = off
                    exit-jvm = off
                  }
                  cluster {
                    seed-nodes = [%s]
                    # a downing takes effect at the leader's next round (Pekko's 1 s): a dead node's bots wait for it
                    leader-actions-interval = 250ms
                    downing-provider-class = "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"
                    split-brain-resolver {
                      active-strategy = keep-majority
                      stable-after = %dms
                      down-all-when-unstable = on
                    }
                    failure-detector {
                      heartbeat-interval = %dms
                      acceptable-heartbeat-pause = %dms
                    }
                    # the shard leases fence a downed node's bots; Pekko's margin (stable-after by default) only delays
                    down-removal-margin = %dms
                    run-coordinated-shutdown-when-down = on
                    sharding {
                      number-of-shards = %d
                      # plain majorities (2 of 3): Pekko's defaults (majority + 3 for the coordinator's writes, + 5 for
                      # its reads, and never fewer than 5 nodes) mean every node of a small cluster, so a node killed
                      # during a coordinator update stalled it for its 5 s timeout. Majority reads and writes still
                      # overlap; the shard leases, not this state, keep a bot on one node.
                      coordinator-state {
                        write-majority-plus = 0
                        read-majority-plus = 0
                      }
                      distributed-data.majority-min-cap = 2
                      remember-entities = on
                      remember-entities-store = ddata
                      # kept in memory on every node (no LMDB files); the sweep starts bots again after a full stop
                      distributed-data.durable.keys = []
                      passivation.strategy = none
                      use-lease = "%s"
                      lease-retry-interval = 500ms
                      shard-failure-backoff = 1s
                      entity-restart-backoff = 1s
                    }
                  }
                }
                botfleet.shard-lease {
                  lease-class = "dev.botfleet.server.cluster.PostgresLease"
                  heartbeat-timeout = %dms
                  heartbeat-interval = %dms
                  lease-operation-timeout = 5s
                }
                """.formatted(p.host(), p.port(), seeds, p.stableAfter().toMillis(), p.heartbeatInterval().toMillis(),
                p.acceptableHeartbeatPause().toMillis(), p.downRemovalMargin().toMillis(), p.shards(), LEASE, p.leaseTtl().toMillis(),
                p.leaseRenewInterval().toMillis());
        return ConfigFactory.parseString(text).withFallback(ConfigFactory.defaultReference());
    }
}
