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
 * The zombie (issue 16): a node of a 3-node cluster of the packaged jar is frozen with SIGSTOP past its shard leases;
 * the cluster downs it and its bots start again on the other nodes under newer lease epochs; then it is resumed with
 * SIGCONT. It must send nothing — no order is journaled, nor received by the sim exchange, under the epochs it held —
 * and it must exit by itself (downed: coordinated shutdown, exit status 2). Same harness as {@link ClusterFailoverIT}.
 *
 * <p>Outside the default build (a few minutes): {@code mvn -B -pl server -am verify -Dexec.skip=true
 * -Dnpm.executable=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterZombieIT
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dbotfleet.it.cluster=true} (optional {@code -Dbotfleet.it.cluster.bots=N}).
 */
@ExtendWith(PostgresAvailable.class)
@EnabledIfSystemProperty(named = "botfleet.it.cluster", matches = "true")
class ClusterZombieIT {
    private static final String PG_URL = System.getenv().getOrDefault("BOTFLEET_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getenv().getOrDefault("BOTFLEET_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("BOTFLEET_TEST_PG_PASSWORD", "");
    private static final int BOTS = Integer.getInteger("botfleet.it.cluster.bots", 9);
    private static final int SHARDS = 30;
    private static final Duration STARTUP = Duration.ofSeconds(180);

    private static final List<ServerProcess> nodes = new ArrayList<>();
    private static final List<Integer> clusterPorts = new ArrayList<>();
    private static String schema;

    @AfterAll
    static void killAll() throws InterruptedException {
        for (ServerProcess node : nodes) node.kill();
    }

    @Test
    void aFrozenNodeResumedAfterItsBotsMovedSendsNothingAndExits() throws Exception {
        startCluster();
        ServerApi api = new ServerApi(nodes.get(0));
        String token = api.register("zombie@example.com");
        UUID owner = UUID.fromString(sql1("SELECT id FROM users WHERE email = 'zombie@example.com'"));
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            String bot = api.scalper(token, "zombie-" + i, new BigDecimal("0.0002").add(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(i % 3))));
            api.call("POST", "/api/v1/bots/" + bot + "/start", token);
            bots.add(bot);
        }
        for (String bot : bots) awaitStarted(bot, Instant.EPOCH, Duration.ofSeconds(120));
        awaitCount("fills before the freeze", "SELECT COUNT(*) FROM trades", 3);

        // freeze the node that holds the most of the bots' shards
        Map<String, Map.Entry<String, Long>> leases = leases();
        int victim = 0;
        List<String> moving = List.of();
        for (int i = 0; i < 3; i++) {
            String address = "@127.0.0.1:" + clusterPorts.get(i) + "#";
            List<String> on = bots.stream().filter(b -> leases.containsKey(leaseName(owner, b))
                    && leases.get(leaseName(owner, b)).getKey().contains(address)).toList();
            if (on.size() > moving.size()) {
                victim = i;
                moving = on;
            }
        }
        assertThat(moving).as("bots on the node to freeze").isNotEmpty();
        Map<String, Long> oldEpochs = new HashMap<>();
        for (String bot : moving) oldEpochs.put(bot, leases.get(leaseName(owner, bot)).getValue());
        ServerProcess zombie = nodes.get(victim);
        Instant frozenAt = Instant.now();
        zombie.signal("STOP");
        System.out.println("ClusterZombieIT: SIGSTOP node " + victim + " holding " + moving.size() + " bot(s), epochs " + oldEpochs);

        for (String bot : moving) {
            Instant started = awaitStarted(bot, frozenAt, Duration.ofSeconds(90));
            System.out.println("ClusterZombieIT: bot " + bot + " started elsewhere after "
                    + Duration.between(frozenAt, started).toMillis() + " ms");
        }
        // the new owners trade: orders under newer epochs
        for (String bot : moving) {
            awaitCount("an order of " + bot + " under a newer epoch", "SELECT COUNT(*) FROM orders WHERE bot_id = '" + bot
                    + "' AND lease_epoch > " + oldEpochs.get(bot), 1);
        }
        long journaledUnderOld = underOldEpochs("orders", oldEpochs);
        long receivedUnderOld = underOldEpochs("sim_orders", oldEpochs);

        Instant resumedAt = Instant.now();
        zombie.signal("CONT");
        Integer exit = zombie.awaitExit(Duration.ofSeconds(90));
        System.out.println("ClusterZombieIT: node " + victim + " resumed; exited " + (exit == null ? "NOT" : "with " + exit)
                + " after " + Duration.between(resumedAt, Instant.now()).toMillis() + " ms (frozen "
                + Duration.between(frozenAt, resumedAt).toMillis() + " ms); log " + zombie.log());
        assertThat(exit).as("the resumed node exits (downed)").isEqualTo(2);
        assertThat(underOldEpochs("orders", oldEpochs)).as("orders journaled under the zombie's epochs after the resume")
                .isEqualTo(journaledUnderOld);
        assertThat(underOldEpochs("sim_orders", oldEpochs)).as("orders the sim exchange received under the zombie's epochs")
                .isEqualTo(receivedUnderOld);
        // the survivors keep trading the moved bots, and the journal rules hold
        long fills = count("SELECT COUNT(*) FROM trades");
        awaitCount("fills after the zombie exited", "SELECT COUNT(*) FROM trades", fills + 2);
        for (String bot : bots) {
            assertThat(sql1("SELECT status FROM bots WHERE id = '" + bot + "'")).as("bot " + bot).isEqualTo("ACTIVE");
        }
        assertThat(count("SELECT COUNT(*) FROM sim_orders WHERE submissions <> 1")).as("sent twice").isZero();
        assertThat(count("SELECT COUNT(*) FROM sim_orders s WHERE NOT EXISTS (SELECT 1 FROM orders o "
                + "WHERE o.client_order_id = s.client_order_id AND o.bot_id = s.bot_id)")).as("sent unjournaled").isZero();
        System.out.println("ClusterZombieIT: " + count("SELECT COUNT(*) FROM orders") + " orders, " + fills + "+ fills; under the"
                + " zombie's epochs " + journaledUnderOld + " journaled / " + receivedUnderOld + " received, all before the freeze");
    }

    /** Rows of {@code table} (orders or sim_orders) of the moved bots whose client order id is numbered in the old epoch. */
    private static long underOldEpochs(String table, Map<String, Long> oldEpochs) throws Exception {
        long n = 0;
        for (var e : oldEpochs.entrySet()) {
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT client_order_id FROM " + table + " WHERE bot_id = '" + e.getKey() + "'")) {
                while (rs.next()) {
                    long sequence = dev.botfleet.engine.order.ClientOrderIds.sequenceOf(rs.getString(1));
                    if (sequence / 1_000_000 == e.getValue()) n++;
                }
            }
        }
        return n;
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
            nodes.add(new ServerProcess(jar, target.resolve("it-logs/" + schema + "/node-" + i), props));
        }
        System.out.println("ClusterZombieIT: node 0 up in " + nodes.get(0).start(STARTUP));
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Duration>> started = List.of(pool.submit(() -> nodes.get(1).start(STARTUP)),
                    pool.submit(() -> nodes.get(2).start(STARTUP)));
            for (Future<Duration> f : started) System.out.println("ClusterZombieIT: node up in " + f.get());
        }
    }

    private static String leaseName(UUID owner, String bot) {
        return "botfleet-shard-bot-" + new HashCodeMessageExtractor<Object>(SHARDS).shardId(owner + ":" + bot);
    }

    /** Valid leases: shard -> (owner, epoch). */
    private static Map<String, Map.Entry<String, Long>> leases() throws Exception {
        Map<String, Map.Entry<String, Long>> leases = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT shard, owner, epoch FROM shard_leases WHERE expires_at > clock_timestamp()")) {
            while (rs.next()) leases.put(rs.getString(1), Map.entry(rs.getString(2), rs.getLong(3)));
        }
        return leases;
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
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
