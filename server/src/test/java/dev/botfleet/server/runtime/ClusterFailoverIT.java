package dev.botfleet.server.runtime;

import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.binance.FakeBinance;
import dev.botfleet.server.support.PostgresAvailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover of a 3-node cluster of the packaged jar on loopback ports, sharing one PostgreSQL schema (docs/cluster.md):
 * N paper scalpers on fast sim ticks and M LIVE scalpers on the Binance fake (started in this JVM, its market played by
 * a driver thread, one stored key); a node that owns some of them (LIVE ones first) is killed with SIGKILL; every one
 * of its bots must start again on another node, and the time from the kill to each bot's "Bot started" line is
 * reported. Then the killed node is started again and another node killed. The journal must show no overlapping epochs
 * (each bot's orders, in insertion order, carry non-decreasing lease epochs, all fenced), and the sim exchange must have
 * received every client order id once, and only journaled ones. The LIVE bots are judged by the venue's own records
 * once stopped ({@link LiveVenueBook#assertServerAgrees}): every client order id accepted once, every venue order
 * journaled, the venue's fills exactly the server's trades, positions equal to fills.
 *
 * <p>In the default build, lean (6 paper bots and 3 LIVE ones, one kill: about a minute, most of it starting three JVMs).
 * The soak, with more bots and kills: {@code mvn -B -pl server -am verify -Dexec.skip=true -Dnpm.executable=true
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterFailoverIT -Dfailsafe.failIfNoSpecifiedTests=false
 * -Dbotfleet.it.cluster.bots=300 -Dbotfleet.it.cluster.kills=4} ({@code -Dbotfleet.it.cluster.live-bots=0} for no LIVE
 * bots, {@code -Dbotfleet.it.cluster.tuning=stable-after=2s,lease-ttl=5s} for other {@code botfleet.cluster.*} timings).
 */
@ExtendWith(PostgresAvailable.class)
class ClusterFailoverIT {
    private static final int BOTS = Integer.getInteger("botfleet.it.cluster.bots", 6);
    private static final int KILLS = Integer.getInteger("botfleet.it.cluster.kills", 1);
    /**
     * LIVE scalpers on the Binance fake, judged by the venue's own records. A CI run (2026-12-04 14:27) found one, stopped
     * by its user while its shard moved to a rejoined node, leaving its last order open: the stop is now carried out by
     * the shard's next owner (the bot's pending_stop, docs/cluster.md).
     */
    private static final int LIVE_BOTS = Integer.getInteger("botfleet.it.cluster.live-bots", 3);
    private static final Duration FAILOVER_DEADLINE = Duration.ofSeconds(60);

    private static ClusterHarness cluster;
    private static LiveVenueBook venue;

    @AfterAll
    static void killAll() throws Exception {
        if (venue != null) venue.stopDriver();
        if (cluster != null) cluster.close();
        if (venue != null) venue.fake().close();
    }

    @Test
    void killedNodesBotsStartAgainElsewhereWithoutDuplicateOrdersOrOverlappingEpochs() throws Exception {
        // the Binance fake only when LIVE bots run (-Dbotfleet.it.cluster.live-bots=0 turns them off)
        if (LIVE_BOTS > 0) venue = new LiveVenueBook(new FakeBinance(), "binance", "BTC/USDT", FakeBinance.BTCUSDT, "0.0004");
        Map<String, String> props = new LinkedHashMap<>(venue == null ? Map.of() : venue.serverProperties());
        props.putAll(ClusterHarness.tuningFromSystemProperty());
        cluster = ClusterHarness.onLoopback("ClusterFailoverIT", props);
        cluster.start();
        ServerApi api = new ServerApi(cluster.nodes.get(0));
        String token = api.register("cluster@example.com");
        UUID owner = UUID.fromString(cluster.sql1("SELECT id FROM users WHERE email = 'cluster@example.com'"));
        List<String> live = LIVE_BOTS == 0 ? List.of() : startLiveBots(api, token);
        List<String> bots = new ArrayList<>(cluster.startScalpers(api, token, "cluster-", BOTS, "0.0003", 5));
        bots.addAll(live);
        if (!live.isEmpty()) aWaitToldToOneNodeHoldsTheOthersBack(live);
        List<Long> failovers = new ArrayList<>();
        int liveMoves = 0;
        int previous = -1;
        for (int kill = 1; kill <= KILLS; kill++) {
            cluster.awaitCount("fills before kill " + kill, "SELECT COUNT(*) FROM trades", cluster.count("SELECT COUNT(*) FROM trades") + 2);
            // the node that owns the most LIVE bots, then the most bots, never the one killed last (it has just come back)
            int victim = -1;
            List<String> moving = List.of();
            for (int i = 0; i < cluster.nodes.size(); i++) {
                List<String> on = cluster.botsOn(i, owner, bots);
                if (i != previous && (victim < 0 || liveAmong(on, live) > liveAmong(moving, live)
                        || (liveAmong(on, live) == liveAmong(moving, live) && on.size() > moving.size()))) {
                    victim = i;
                    moving = on;
                }
            }
            liveMoves += liveAmong(moving, live);
            ServerProcess node = cluster.nodes.get(victim);
            long sessionDownsBefore = sessionDowns(victim);
            Instant killedAt = Instant.now();
            node.kill();
            System.out.println("ClusterFailoverIT: kill " + kill + " of node " + victim + " owning " + moving.size() + " bot(s)");
            List<Long> thisKill = new ArrayList<>();
            for (String bot : moving) {
                Instant started = cluster.awaitStarted(bot, killedAt, FAILOVER_DEADLINE);
                thisKill.add(Duration.between(killedAt, started).toMillis());
            }
            failovers.addAll(thisKill);
            // the survivors downed it when its database session ended, not after the failure detector (SessionWatch)
            assertThat(sessionDowns(victim)).as("survivors' 'database session ended' downings").isGreaterThan(sessionDownsBefore);
            if (!thisKill.isEmpty()) {
                List<Long> sorted = thisKill.stream().sorted().toList();
                System.out.println("ClusterFailoverIT: kill " + kill + ": " + sorted.size() + " moves, min " + sorted.getFirst()
                        + ", median " + sorted.get(sorted.size() / 2) + ", max " + sorted.getLast() + " ms");
            }
            for (String bot : bots) {
                assertThat(cluster.sql1("SELECT status FROM bots WHERE id = '" + bot + "'")).as("bot " + bot).isEqualTo("ACTIVE");
            }
            cluster.assertInvariants(bots);
            System.out.println("ClusterFailoverIT: node " + victim + " restarted in " + node.start(ClusterHarness.STARTUP));
            previous = victim;
        }
        cluster.awaitCount("fills after the last failover", "SELECT COUNT(*) FROM trades", cluster.count("SELECT COUNT(*) FROM trades") + 2);
        // every LIVE bot trades on the venue after the last failover, then they stop and the venue's records judge them
        LiveVenueBook.Totals totals = live.isEmpty() ? new LiveVenueBook.Totals(0, BigDecimal.ZERO) : judgeLive(api, token, live);
        cluster.assertInvariants(bots);

        List<Long> sorted = failovers.stream().sorted().toList();
        System.out.println("ClusterFailoverIT: failover ms (kill -> 'Bot started' on another node) over " + sorted.size()
                + " bot moves: min " + sorted.getFirst() + ", median " + sorted.get(sorted.size() / 2) + ", max "
                + sorted.getLast() + ", all " + sorted);
        System.out.println("ClusterFailoverIT: " + cluster.count("SELECT COUNT(*) FROM orders") + " orders, "
                + cluster.count("SELECT COUNT(*) FROM trades") + " fills, " + cluster.count("SELECT COUNT(*) FROM sim_orders")
                + " received by sim, epochs " + cluster.count("SELECT COALESCE(MAX(epoch), 0) FROM shard_leases") + " at most");
        if (!live.isEmpty()) {
            System.out.println("ClusterFailoverIT: LIVE: " + live.size() + " bots, " + liveMoves + " moved, " + totals.fills()
                    + " venue fills, " + venue.fake().engine().acceptedClientIds().size() + " orders accepted by the venue, none twice");
        }
        assertThat(sorted).isNotEmpty();
        if (!live.isEmpty()) assertThat(liveMoves).as("LIVE bots that moved").isPositive();
    }

    /** The LIVE bots trade on after the last failover, are stopped, and the venue's records judge them. */
    private LiveVenueBook.Totals judgeLive(ServerApi api, String token, List<String> live) throws Exception {
        for (String bot : live) {
            long before = venue.trades(LiveVenueBook.prefix(bot)).size();
            try {
                LiveVenueBook.await("LIVE bot " + bot + " to trade after the last failover",
                        () -> venue.trades(LiveVenueBook.prefix(bot)).size(), n -> n >= before + 2);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + whereIs(bot), e);
            }
        }
        venue.stopDriver();
        for (String bot : live) {
            assertThat(api.call("POST", "/api/v1/bots/" + bot + "/stop", token).get("status").asString())
                    .as("LIVE bot " + bot + " stopped").isEqualTo("STOPPED");
        }
        return venue.assertServerAgrees(api, token, live, "ClusterFailoverIT");
    }

    /**
     * The venue answers one call, from whichever node, 429 with Retry-After 2 s: the other nodes hear of it
     * (VenueGateRelay) and hold back too, so the venue sees no more than the calls already under way during the wait
     * (fewer than its 5 before a ban; without the relay the other nodes' bots sent on and the address was banned), and
     * the LIVE bots place orders again once it is over.
     */
    private void aWaitToldToOneNodeHoldsTheOthersBack(List<String> live) throws Exception {
        FakeBinance fake = (FakeBinance) venue.fake();
        int refusals = fake.rateLimitRefusals();
        fake.faults().retryAfterSeconds = 2;
        fake.faults().arm(Faults.Kind.RATE_LIMIT, 1);
        LiveVenueBook.await("a call answered 429", fake::rateLimitRefusals, n -> n > refusals);
        long waitEnds = System.currentTimeMillis() + 2_000;
        long placed = live.stream().mapToLong(b -> venue.orders(LiveVenueBook.prefix(b)).size()).sum();
        LiveVenueBook.await("the LIVE bots to place orders again after the wait (or a ban)",
                () -> fake.faults().bannedUntil() > 0 ? Long.MAX_VALUE
                        : live.stream().mapToLong(b -> venue.orders(LiveVenueBook.prefix(b)).size()).sum(),
                n -> n >= placed + live.size() && System.currentTimeMillis() > waitEnds + 500);
        assertThat(fake.faults().bannedUntil()).as("the venue banned the address: a node did not back off").isZero();
    }

    /** What a stuck LIVE bot's failure message shows: its shard's lease, its venue orders, its last activity lines. */
    private String whereIs(String bot) throws Exception {
        UUID owner = UUID.fromString(cluster.sql1("SELECT owner_id FROM bots WHERE id = '" + bot + "'"));
        StringBuilder where = new StringBuilder("status " + cluster.sql1("SELECT status FROM bots WHERE id = '" + bot + "'"));
        where.append("; lease ").append(cluster.rows("SELECT owner, epoch, expires_at > clock_timestamp() FROM shard_leases"
                + " WHERE shard = '" + ClusterHarness.leaseName(owner, bot) + "'"));
        where.append("; nodes ").append(cluster.clusterAddresses);
        List<LiveVenueBook.VenueOrder> orders = venue.orders(LiveVenueBook.prefix(bot));
        where.append("\nlast venue orders: ").append(orders.subList(Math.max(0, orders.size() - 4), orders.size()).stream()
                .map(o -> o.clientOrderId() + (o.open() ? " open " : " done ") + o.executed()).toList());
        where.append("\nserver orders: ").append(cluster.rows("SELECT client_order_id, status, filled_quantity FROM orders"
                + " WHERE bot_id = '" + bot + "' ORDER BY seq DESC LIMIT 4"));
        where.append("\nlast activity:");
        for (String line : cluster.rows("SELECT created_at, level, message FROM activity_logs WHERE bot_id = '" + bot
                + "' ORDER BY seq DESC LIMIT 25")) {
            where.append("\n  ").append(line);
        }
        return where.toString();
    }

    /** LIVE scalpers on the Binance fake with one stored key, each started and with a first order on the venue. */
    private List<String> startLiveBots(ServerApi api, String token) throws Exception {
        for (ServerProcess node : cluster.nodes) {
            ServerApi on = new ServerApi(node);
            LiveVenueBook.await("binance to be READY on every node", () -> venue.status(on, token), "READY"::equals);
        }
        String credential = venue.addKey(api, token);
        List<String> live = venue.createScalpers(api, token, credential, "cluster-live-", LIVE_BOTS, "0.001", "");
        for (String bot : live) api.call("POST", "/api/v1/bots/" + bot + "/start", token);
        for (String bot : live) {
            LiveVenueBook.await("LIVE bot " + bot + " to place its first order on the venue",
                    () -> venue.orders(LiveVenueBook.prefix(bot)).size(), n -> n > 0);
        }
        venue.startDriver();
        return live;
    }

    private static int liveAmong(List<String> bots, List<String> live) {
        return (int) bots.stream().filter(live::contains).count();
    }

    /** How many times the nodes other than {@code victim} logged downing a node whose database session ended. */
    private static long sessionDowns(int victim) throws java.io.IOException {
        long n = 0;
        for (int i = 0; i < cluster.nodes.size(); i++) {
            if (i == victim) continue;
            try (var lines = java.nio.file.Files.lines(cluster.nodes.get(i).log())) {
                n += lines.filter(l -> l.contains("its database session ended")).count();
            }
        }
        return n;
    }
}
