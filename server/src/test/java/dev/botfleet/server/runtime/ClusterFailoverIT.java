package dev.botfleet.server.runtime;

import dev.botfleet.server.support.PostgresAvailable;
import org.apache.pekko.cluster.sharding.typed.HashCodeMessageExtractor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover of a 3-node cluster of the packaged jar on loopback ports, sharing one PostgreSQL schema (docs/cluster.md):
 * N paper scalpers on fast sim ticks; a node that owns some of them is killed with SIGKILL; every one of its bots must
 * start again on another node, and the time from the kill to each bot's "Bot started" line is reported. Then the
 * killed node is started again and another node killed. The journal must show no overlapping epochs (each bot's
 * orders, in insertion order, carry non-decreasing lease epochs, all fenced), and the sim exchange must have received
 * every client order id once, and only journaled ones.
 *
 * <p>Outside the default build (several minutes): {@code mvn -B -pl server -am verify -Dexec.skip=true
 * -Dnpm.executable=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterFailoverIT
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dbotfleet.it.cluster=true} (optional {@code -Dbotfleet.it.cluster.bots=N},
 * {@code -Dbotfleet.it.cluster.kills=K}, {@code -Dbotfleet.it.cluster.tuning=stable-after=2s,lease-ttl=5s} for other
 * {@code botfleet.cluster.*} timings).
 */
@ExtendWith(PostgresAvailable.class)
@EnabledIfSystemProperty(named = "botfleet.it.cluster", matches = "true")
class ClusterFailoverIT {
    private static final String PG_URL = System.getenv().getOrDefault("BOTFLEET_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getenv().getOrDefault("BOTFLEET_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("BOTFLEET_TEST_PG_PASSWORD", "");
    private static final int BOTS = Integer.getInteger("botfleet.it.cluster.bots", 12);
    private static final int KILLS = Integer.getInteger("botfleet.it.cluster.kills", 2);
    private static final int SHARDS = 30;
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration FAILOVER_DEADLINE = Duration.ofSeconds(60);

    private static final List<ServerProcess> nodes = new ArrayList<>();
    private static final List<Integer> clusterPorts = new ArrayList<>();
    private static String schema;

    @AfterAll
    static void killAll() throws InterruptedException {
        for (ServerProcess node : nodes) node.kill();
    }

    @Test
    void killedNodesBotsStartAgainElsewhereWithoutDuplicateOrdersOrOverlappingEpochs() throws Exception {
        startCluster();
        ServerApi api = new ServerApi(nodes.get(0));
        String token = api.register("cluster@example.com");
        UUID owner = UUID.fromString(sql1("SELECT id FROM users WHERE email = 'cluster@example.com'"));
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            String bot = api.scalper(token, "cluster-" + i, new BigDecimal("0.0003").add(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(i % 5))));
            api.call("POST", "/api/v1/bots/" + bot + "/start", token);
            bots.add(bot);
        }
        for (String bot : bots) awaitStarted(bot, Instant.EPOCH, Duration.ofSeconds(120));
        List<Long> failovers = new ArrayList<>();
        int victim = 2;
        for (int kill = 1; kill <= KILLS; kill++) {
            awaitCount("fills before kill " + kill, "SELECT COUNT(*) FROM trades", count("SELECT COUNT(*) FROM trades") + 2);
            ServerProcess node = nodes.get(victim);
            String address = "@127.0.0.1:" + clusterPorts.get(victim) + "#";
            Map<String, String> shardOwners = shardOwners();
            List<String> moving = bots.stream()
                    .filter(b -> shardOwners.getOrDefault(leaseName(owner, b), "").contains(address)).toList();
            Instant killedAt = Instant.now();
            node.kill();
            System.out.println("ClusterFailoverIT: kill " + kill + " of node " + victim + " owning " + moving.size() + " bot(s)");
            for (String bot : moving) {
                Instant started = awaitStarted(bot, killedAt, FAILOVER_DEADLINE);
                failovers.add(Duration.between(killedAt, started).toMillis());
            }
            for (String bot : bots) {
                assertThat(sql1("SELECT status FROM bots WHERE id = '" + bot + "'")).as("bot " + bot).isEqualTo("ACTIVE");
            }
            assertInvariants(bots);
            System.out.println("ClusterFailoverIT: node " + victim + " restarted in " + node.start(STARTUP));
            victim = victim == 2 ? 1 : 2;
        }
        awaitCount("fills after the last failover", "SELECT COUNT(*) FROM trades", count("SELECT COUNT(*) FROM trades") + 2);
        assertInvariants(bots);
        List<Long> sorted = failovers.stream().sorted().toList();
        System.out.println("ClusterFailoverIT: failover ms (kill -> 'Bot started' on another node) over " + sorted.size()
                + " bot moves: min " + sorted.getFirst() + ", median " + sorted.get(sorted.size() / 2) + ", max "
                + sorted.getLast() + ", all " + sorted);
        System.out.println("ClusterFailoverIT: " + count("SELECT COUNT(*) FROM orders") + " orders, "
                + count("SELECT COUNT(*) FROM trades") + " fills, " + count("SELECT COUNT(*) FROM sim_orders")
                + " received by sim, epochs " + count("SELECT COALESCE(MAX(epoch), 0) FROM shard_leases") + " at most");
        assertThat(sorted).isNotEmpty();
    }

    private static void startCluster() throws Exception {
        schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        Path target = Path.of(System.getProperty("botfleet.it.target", "target"));
        Path jar = Path.of(System.getProperty("botfleet.it.jar", target.resolve("botfleet-server.jar").toString()));
        for (int i = 0; i < 3; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                clusterPorts.add(s.getLocalPort());
            }
        }
        String seeds = String.join(",", clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        for (int i = 0; i < 3; i++) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("spring.datasource.url", PG_URL + "?currentSchema=" + schema);
            props.put("spring.datasource.username", PG_USER);
            props.put("spring.datasource.password", PG_PASSWORD);
            props.put("botfleet.data-dir", target.resolve("it-data/" + schema + "/node-" + i).toString());
            props.put("botfleet.sim.tick-interval", "50ms");
            props.put("botfleet.password.bcrypt-strength", "4");
            props.put("botfleet.cluster.enabled", "true");
            props.put("botfleet.cluster.port", String.valueOf(clusterPorts.get(i)));
            props.put("botfleet.cluster.seed-nodes", seeds);
            props.put("botfleet.cluster.shards", String.valueOf(SHARDS));
            // e.g. -Dbotfleet.it.cluster.tuning=stable-after=2s,acceptable-heartbeat-pause=2s,lease-ttl=5s
            for (String kv : System.getProperty("botfleet.it.cluster.tuning", "").split(",")) {
                if (kv.contains("=")) props.put("botfleet.cluster." + kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            nodes.add(new ServerProcess(jar, target.resolve("it-logs/" + schema + "/node-" + i), props));
        }
        // the first seed forms the cluster, then the others join it (started together)
        System.out.println("ClusterFailoverIT: node 0 up in " + nodes.get(0).start(STARTUP));
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Duration>> started = List.of(pool.submit(() -> nodes.get(1).start(STARTUP)),
                    pool.submit(() -> nodes.get(2).start(STARTUP)));
            for (Future<Duration> f : started) System.out.println("ClusterFailoverIT: node up in " + f.get());
        }
    }

    private static String leaseName(UUID owner, String bot) {
        return "botfleet-shard-bot-" + new HashCodeMessageExtractor<Object>(SHARDS).shardId(owner + ":" + bot);
    }

    /** Valid leases: shard -> owner. */
    private static Map<String, String> shardOwners() throws Exception {
        Map<String, String> owners = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT shard, owner FROM shard_leases WHERE expires_at > clock_timestamp()")) {
            while (rs.next()) owners.put(rs.getString(1), rs.getString(2));
        }
        return owners;
    }

    /** When the bot's kernel last logged "Bot started" after {@code after}, awaited with a deadline. */
    private static Instant awaitStarted(String bot, Instant after, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MIN(created_at) FROM activity_logs WHERE bot_id = '" + bot
                         + "' AND message LIKE 'Bot started on%' AND created_at > '" + Timestamp.from(after).toInstant() + "'")) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                if (t != null) return t.toInstant();
            }
            if (System.nanoTime() > deadline) throw new AssertionError("bot " + bot + " did not start again within " + within);
            Thread.sleep(100);
        }
    }

    private static void assertInvariants(List<String> bots) throws Exception {
        try (Connection c = connect()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            c.setReadOnly(true);
            assertThat(count(c, "SELECT COUNT(*) FROM sim_orders WHERE submissions <> 1"))
                    .as("client order ids the sim exchange received more than once").isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM sim_orders s WHERE NOT EXISTS (SELECT 1 FROM orders o "
                    + "WHERE o.client_order_id = s.client_order_id AND o.bot_id = s.bot_id)"))
                    .as("orders that reached the exchange without being journaled first").isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM orders WHERE lease_epoch IS NULL"))
                    .as("orders journaled without the fence").isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM (SELECT client_order_id, trade_id FROM trades "
                    + "GROUP BY client_order_id, trade_id HAVING COUNT(*) > 1) d")).as("fills booked twice").isZero();
            for (String bot : bots) {
                long previous = 0;
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT lease_epoch FROM orders WHERE bot_id = '" + bot + "' ORDER BY seq")) {
                    while (rs.next()) {
                        long epoch = rs.getLong(1);
                        assertThat(epoch).as("epochs of bot %s in journal order", bot).isGreaterThanOrEqualTo(previous);
                        previous = epoch;
                    }
                }
            }
            c.rollback();
        }
    }

    private static void awaitCount(String what, String sql, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long seen = count(sql);
        while (seen < atLeast) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what + ": " + seen + " < " + atLeast);
            Thread.sleep(100);
            seen = count(sql);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, PG_PASSWORD);
    }

    private static String sql1(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = connect()) {
            return count(c, sql);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
