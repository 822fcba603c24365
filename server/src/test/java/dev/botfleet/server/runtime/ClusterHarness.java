package dev.botfleet.server.runtime;

import org.apache.pekko.cluster.sharding.typed.HashCodeMessageExtractor;

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
 * Three (or more) nodes of the packaged jar sharing one fresh PostgreSQL schema, for the cluster tests
 * ({@link ClusterFailoverIT}, {@link ClusterZombieIT}, {@link ClusterPartitionIT}), and the journal checks they share.
 */
final class ClusterHarness implements AutoCloseable {
    static final String PG_URL = ItSchema.URL;
    static final String PG_USER = ItSchema.USER;
    static final String PG_PASSWORD = ItSchema.PASSWORD;
    static final int SHARDS = 30;
    static final Duration STARTUP = Duration.ofSeconds(180);

    /**
     * Where one node runs: its cluster address, how it reaches PostgreSQL, what starts its JVM and where its HTTP port
     * is reached.
     */
    record Placement(String clusterHost, String jdbcBase, List<String> commandPrefix, String httpHost) {
        static final Placement LOOPBACK = new Placement("127.0.0.1", PG_URL, List.of(), "127.0.0.1");
    }

    final List<ServerProcess> nodes = new ArrayList<>();
    final List<String> clusterAddresses = new ArrayList<>();
    private final String name;
    private final String schema;

    /**
     * Creates the schema and the nodes (not started yet).
     *
     * @param name   the test's name, for its log and data directories and its output lines
     * @param extra  more {@code botfleet.*} properties for every node (e.g. cluster timings)
     */
    ClusterHarness(String name, List<Placement> placements, Map<String, String> extra) throws Exception {
        this.name = name;
        this.schema = ItSchema.create();
        Path target = Path.of(System.getProperty("botfleet.it.target", "target"));
        Path jar = Path.of(System.getProperty("botfleet.it.jar", target.resolve("botfleet-server.jar").toString()));
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                ports.add(s.getLocalPort());
            }
            clusterAddresses.add(placements.get(i).clusterHost() + ":" + ports.get(i));
        }
        String seeds = String.join(",", clusterAddresses);
        // one cluster, one set of keys (docs/cluster.md): a token from one node is valid on the others, and a stored
        // exchange key is decrypted by whichever node its bot moves to
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] jwtSecret = new byte[32];
        byte[] masterKey = new byte[32];
        random.nextBytes(jwtSecret);
        random.nextBytes(masterKey);
        for (int i = 0; i < placements.size(); i++) {
            Placement at = placements.get(i);
            Map<String, String> props = new LinkedHashMap<>();
            props.put("spring.datasource.url", at.jdbcBase() + "?currentSchema=" + schema);
            props.put("spring.datasource.username", PG_USER);
            props.put("spring.datasource.password", PG_PASSWORD);
            props.put("botfleet.data-dir", target.resolve("it-data/" + schema + "/node-" + i).toString());
            props.put("botfleet.sim.tick-interval", "50ms");
            props.put("botfleet.password.bcrypt-strength", "4");
            props.put("botfleet.jwt.secret", java.util.Base64.getEncoder().encodeToString(jwtSecret));
            props.put("botfleet.master-key", java.util.Base64.getEncoder().encodeToString(masterKey));
            props.put("botfleet.cluster.enabled", "true");
            props.put("botfleet.cluster.host", at.clusterHost());
            props.put("botfleet.cluster.port", String.valueOf(ports.get(i)));
            props.put("botfleet.cluster.seed-nodes", seeds);
            props.put("botfleet.cluster.shards", String.valueOf(SHARDS));
            props.putAll(extra);
            nodes.add(new ServerProcess(jar, target.resolve("it-logs/" + schema + "/node-" + i), props,
                    at.commandPrefix(), at.httpHost()));
        }
    }

    /** Three nodes on loopback. */
    static ClusterHarness onLoopback(String name, Map<String, String> extra) throws Exception {
        return new ClusterHarness(name, List.of(Placement.LOOPBACK, Placement.LOOPBACK, Placement.LOOPBACK), extra);
    }

    /** {@code -Dbotfleet.it.cluster.tuning=stable-after=2s,lease-ttl=5s}: other {@code botfleet.cluster.*} timings. */
    static Map<String, String> tuningFromSystemProperty() {
        Map<String, String> props = new LinkedHashMap<>();
        for (String kv : System.getProperty("botfleet.it.cluster.tuning", "").split(",")) {
            if (kv.contains("=")) props.put("botfleet.cluster." + kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return props;
    }

    /** The first seed forms the cluster, then the others join it (started together). */
    void start() throws Exception {
        System.out.println(name + ": node 0 up in " + nodes.get(0).start(STARTUP));
        try (ExecutorService pool = Executors.newFixedThreadPool(nodes.size() - 1)) {
            List<Future<Duration>> started = new ArrayList<>();
            for (ServerProcess node : nodes.subList(1, nodes.size())) started.add(pool.submit(() -> node.start(STARTUP)));
            for (Future<Duration> f : started) System.out.println(name + ": node up in " + f.get());
        }
    }

    /**
     * Creates and starts {@code n} paper scalpers through {@code api}, spreads {@code base} + 0.01 % × (i mod
     * {@code cycle}) around the price (so they trade), and waits until each has started somewhere.
     */
    List<String> startScalpers(ServerApi api, String token, String prefix, int n, String base, int cycle) throws Exception {
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.math.BigDecimal spread = new java.math.BigDecimal(base)
                    .add(new java.math.BigDecimal("0.0001").multiply(java.math.BigDecimal.valueOf(i % cycle)));
            String bot = api.scalper(token, prefix + i, spread);
            api.call("POST", "/api/v1/bots/" + bot + "/start", token);
            bots.add(bot);
        }
        for (String bot : bots) awaitStarted(bot, Instant.EPOCH, Duration.ofSeconds(120));
        return bots;
    }

    /** The bots (of {@code owner}) whose shard lease node {@code node} holds now. */
    List<String> botsOn(int node, UUID owner, List<String> bots) throws Exception {
        String address = "@" + clusterAddresses.get(node) + "#";
        Map<String, Map.Entry<String, Long>> leases = leases();
        return bots.stream().filter(b -> leases.containsKey(leaseName(owner, b))
                && leases.get(leaseName(owner, b)).getKey().contains(address)).toList();
    }

    static String leaseName(UUID owner, String bot) {
        return "botfleet-shard-bot-" + new HashCodeMessageExtractor<Object>(SHARDS).shardId(owner + ":" + bot);
    }

    /** Valid leases: shard -> (owner, epoch). */
    Map<String, Map.Entry<String, Long>> leases() throws Exception {
        Map<String, Map.Entry<String, Long>> leases = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT shard, owner, epoch FROM shard_leases WHERE expires_at > clock_timestamp()")) {
            while (rs.next()) leases.put(rs.getString(1), Map.entry(rs.getString(2), rs.getLong(3)));
        }
        return leases;
    }

    /** When the bot's kernel first logged "Bot started" after {@code after}, awaited with a deadline. */
    Instant awaitStarted(String bot, Instant after, Duration within) throws Exception {
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

    /**
     * The journal rules across nodes, in one snapshot: every client order id reached the sim exchange at most once
     * and only after it was journaled, every order was fenced, no fill was booked twice, and each bot's orders in
     * journal order carry non-decreasing lease epochs (one holder at a time: no older epoch after a newer one).
     */
    void assertInvariants(List<String> bots) throws Exception {
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

    /** Rows of {@code table} (orders or sim_orders) of the given bots whose client order id is numbered in its epoch. */
    long underEpochs(String table, Map<String, Long> epochs) throws Exception {
        long n = 0;
        for (var e : epochs.entrySet()) {
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

    void awaitCount(String what, String sql, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long seen = count(sql);
        while (seen < atLeast) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what + ": " + seen + " < " + atLeast);
            Thread.sleep(100);
            seen = count(sql);
        }
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, PG_PASSWORD);
    }

    String sql1(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every row of a query, its columns joined by " | ": for a failure's message. */
    List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) row.append(i > 1 ? " | " : "").append(rs.getString(i));
                rows.add(row.toString());
            }
        }
        return rows;
    }

    long count(String sql) throws Exception {
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

    @Override
    public void close() throws InterruptedException {
        for (ServerProcess node : nodes) node.kill();
        try {
            ItSchema.drop(schema);
        } catch (java.sql.SQLException e) {
            System.err.println(name + ": schema " + schema + " not dropped: " + e);
        }
    }
}
