package dev.botfleet.server.cluster;

import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.server.order.LeaseFence;
import dev.botfleet.server.order.OrderRepository;
import dev.botfleet.server.support.ApiTestBase;
import dev.botfleet.server.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shard leases and the fenced order-intent insert against the real PostgreSQL: two lease clients stand for two
 * nodes. Expiry is the database's, so the tests wait for the database to say a lease expired, never for a sleep.
 */
@OnPostgres
class ShardLeasesPostgresTest extends ApiTestBase {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORT = Duration.ofMillis(300);

    @Autowired
    private OrderRepository orders;
    @Autowired
    private javax.sql.DataSource dataSource;

    private static String shard() {
        return "s-" + UUID.randomUUID();
    }

    @Test
    void twoNodesRacingForTheSameShardsEachShardGetsExactlyOneHolder() throws Exception {
        ShardLeases a = new ShardLeases(jdbc, "node-a", LONG);
        ShardLeases b = new ShardLeases(jdbc, "node-b", LONG);
        List<String> shards = new ArrayList<>();
        for (int i = 0; i < 40; i++) shards.add(shard());
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (String shard : shards) {
                CountDownLatch go = new CountDownLatch(1);
                Callable<Optional<LeaseFence>> byA = () -> { go.await(); return a.acquire(shard); };
                Callable<Optional<LeaseFence>> byB = () -> { go.await(); return b.acquire(shard); };
                Future<Optional<LeaseFence>> fa = pool.submit(byA);
                Future<Optional<LeaseFence>> fb = pool.submit(byB);
                go.countDown();
                Optional<LeaseFence> ga = fa.get();
                Optional<LeaseFence> gb = fb.get();
                assertThat(ga.isPresent() ^ gb.isPresent()).as("exactly one winner for %s", shard).isTrue();
                LeaseFence winner = ga.orElseGet(gb::orElseThrow);
                assertThat(winner.epoch()).isEqualTo(1);
                assertThat(a.holder(shard)).contains(winner);
                // the loser asks again while the winner's lease is valid: still nothing
                ShardLeases loser = ga.isPresent() ? b : a;
                assertThat(loser.acquire(shard)).isEmpty();
            }
        }
    }

    @Test
    void epochsStrictlyIncreaseAcrossReleasesAndExpiriesAndOwners() {
        String shard = shard();
        ShardLeases a = new ShardLeases(jdbc, "node-a", SHORT);
        ShardLeases b = new ShardLeases(jdbc, "node-b", LONG);
        long last = 0;
        for (int round = 0; round < 4; round++) {
            LeaseFence byA = awaitAcquired(a, shard);
            assertThat(byA.epoch()).isGreaterThan(last);
            last = byA.epoch();
            awaitExpired(a, shard);  // a "dies": its short lease runs out by the database clock
            LeaseFence byB = b.acquire(shard).orElseThrow();
            assertThat(byB.epoch()).isGreaterThan(last);
            last = byB.epoch();
            assertThat(a.renew(byA)).as("an expired, taken-over lease cannot be renewed").isFalse();
            assertThat(b.release(byB)).isTrue();  // a clean hand-over: the row and its epoch stay
            assertThat(b.holder(shard)).isEmpty();
        }
        assertThat(last).isEqualTo(8);
    }

    @Test
    void theOwnerRenewsItsLeaseAndNobodyElseCanTakeItMeanwhile() {
        String shard = shard();
        ShardLeases a = new ShardLeases(jdbc, "node-a", Duration.ofSeconds(30));
        ShardLeases b = new ShardLeases(jdbc, "node-b", LONG);
        LeaseFence lease = a.acquire(shard).orElseThrow();
        Instant before = expiresAt(shard);
        assertThat(a.renew(lease)).isTrue();
        assertThat(expiresAt(shard)).isAfter(before);
        assertThat(b.renew(new LeaseFence(shard, "node-b", lease.epoch()))).as("only the owner renews").isFalse();
        assertThat(a.renew(new LeaseFence(shard, "node-a", lease.epoch() + 1))).as("only under its epoch").isFalse();
        assertThat(b.acquire(shard)).isEmpty();
        assertThat(a.release(lease)).isTrue();
        assertThat(a.release(lease)).as("released once").isFalse();
        assertThat(b.acquire(shard).orElseThrow().epoch()).isEqualTo(2);
    }

    @Test
    void theFencedInsertJournalsAnIntentOnlyWhileTheLeaseAndEpochHold() {
        Session user = newUser();
        UUID bot = bot(user);
        String shard = shard();
        ShardLeases a = new ShardLeases(jdbc, "node-a", SHORT);
        ShardLeases b = new ShardLeases(jdbc, "node-b", LONG);
        LeaseFence lease = awaitAcquired(a, shard);
        assertThat(orders.insertOrderFenced(user.id(), bot, intent(bot, "1"), lease)).isTrue();
        assertThat(epochOf(bot, bot + "-1")).contains(lease.epoch());

        // the owner is "paused" past its lease: by the database's clock it expired, nobody took it yet
        awaitExpired(a, shard);
        assertThat(orders.insertOrderFenced(user.id(), bot, intent(bot, "2"), lease)).isFalse();
        assertThat(epochOf(bot, bot + "-2")).isEmpty();

        // another node takes over: the old epoch inserts nothing, the new one does
        LeaseFence takeover = b.acquire(shard).orElseThrow();
        assertThat(takeover.epoch()).isGreaterThan(lease.epoch());
        assertThat(orders.insertOrderFenced(user.id(), bot, intent(bot, "3"), lease)).isFalse();
        assertThat(orders.insertOrderFenced(user.id(), bot, intent(bot, "4"),
                new LeaseFence(shard, "node-a", takeover.epoch()))).as("the epoch alone is not enough").isFalse();
        assertThat(orders.insertOrderFenced(user.id(), bot, intent(bot, "5"), takeover)).isTrue();
        // the other journal writes (order events, fills) check the same lease in their transaction
        assertThat(orders.holdsLease(lease)).isFalse();
        assertThat(orders.holdsLease(takeover)).isTrue();
        assertThat(epochOf(bot, bot + "-5")).contains(takeover.epoch());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE bot_id = :bot").param("bot", bot)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anInsertRacingATakeoverIsEitherRejectedOrCommittedBeforeTheNewEpochBegins() throws Exception {
        Session user = newUser();
        UUID bot = bot(user);
        String shard = shard();
        ShardLeases a = new ShardLeases(jdbc, "node-a", Duration.ofMillis(150));
        ShardLeases b = new ShardLeases(jdbc, "node-b", LONG);
        LeaseFence lease = awaitAcquired(a, shard);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            // node a keeps inserting intents until one is refused; node b takes over as soon as the lease expires
            Future<Integer> inserted = pool.submit(() -> {
                int n = 0;
                while (orders.insertOrderFenced(user.id(), bot, intent(bot, String.valueOf(n + 1)), lease)) n++;
                return n;
            });
            Future<LeaseFence> taken = pool.submit(() -> awaitAcquired(b, shard));
            LeaseFence takeover = taken.get();
            int byA = inserted.get();
            // what b reads after its takeover committed is every intent a ever journaled: none can appear later
            long seen = jdbc.sql("SELECT COUNT(*) FROM orders WHERE bot_id = :bot AND lease_epoch = :epoch")
                    .param("bot", bot).param("epoch", lease.epoch()).query(Long.class).single();
            assertThat(seen).isEqualTo(byA);
            assertThat(orders.insertOrderFenced(user.id(), bot, intent(bot, "x"), lease)).isFalse();
            assertThat(takeover.epoch()).isEqualTo(lease.epoch() + 1);
        }
    }

    @Test
    void aHolderFrozenInsideAFencedTransactionHoldsATakeoverUpOnlyForItsIdleLimit() throws Exception {
        String shard = shard();
        ShardLeases a = new ShardLeases(jdbc, "node-a", SHORT);
        ShardLeases b = new ShardLeases(jdbc, "node-b", LONG);
        LeaseFence lease = awaitAcquired(a, shard);
        // node a's writer checked the lease inside a journal transaction (the row share-locked) and froze there: its
        // connection stays open, as a SIGSTOPped process's does, and it never commits
        java.sql.Connection frozen = dataSource.getConnection();
        try {
            frozen.setAutoCommit(false);
            OrderRepository frozenWriter = new OrderRepository(new org.springframework.jdbc.core.namedparam
                    .NamedParameterJdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(frozen, true)), null);
            assertThat(frozenWriter.holdsLease(lease)).isTrue();
            awaitExpired(a, shard);
            // node b's take-over waits for the share lock; without a limit it would wait as long as the freeze
            // (here until the statement timeout of 30 s, which fails the test instead of hanging it)
            try (java.sql.Connection taker = dataSource.getConnection()) {
                taker.createStatement().execute("SET statement_timeout = 30000");
                ShardLeases onTaker = new ShardLeases(JdbcClient.create(
                        new org.springframework.jdbc.datasource.SingleConnectionDataSource(taker, true)), "node-b", LONG);
                LeaseFence takeover = onTaker.acquire(shard).orElseThrow();
                assertThat(takeover.epoch()).isEqualTo(lease.epoch() + 1);
            }
            // the server ended the frozen transaction and its session: if node a resumes, it can write nothing
            assertThat(frozen.isValid(2)).isFalse();
        } finally {
            try {
                frozen.close();
            } catch (java.sql.SQLException closedByTheServer) {
                // the pool's rollback on close fails on the connection the server ended: what this test expects
            }
        }
        assertThat(b.holder(shard)).isPresent();
    }

    private UUID bot(Session user) {
        Answer a = post("/api/v1/bots", user, Map.of("name", "fenced", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER",
                "config", Map.of("quantity", "0.001", "buyPrice", "60000", "sellPrice", "61000")));
        assertThat(a.status()).isEqualTo(201);
        return UUID.fromString(a.body().get("id").asString());
    }

    private static OrderSnapshot intent(UUID bot, String sequence) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Order order = new Order(bot.toString(), bot + "-" + sequence, "sim", "BTC/USDT",
                OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.001"), new BigDecimal("60000")), now);
        order.apply(new OrderEvent.OrderSubmitted(order.clientOrderId(), now));
        return order.snapshot();
    }

    private Optional<Long> epochOf(UUID bot, String clientOrderId) {
        return jdbc.sql("SELECT lease_epoch FROM orders WHERE bot_id = :bot AND client_order_id = :cid")
                .param("bot", bot).param("cid", clientOrderId).query(Long.class).optional();
    }

    private Instant expiresAt(String shard) {
        return jdbc.sql("SELECT expires_at FROM shard_leases WHERE shard = :shard").param("shard", shard)
                .query(java.time.OffsetDateTime.class).single().toInstant();
    }

    private static LeaseFence awaitAcquired(ShardLeases leases, String shard) {
        return await("lease of " + shard + " for " + leases.owner(), () -> leases.acquire(shard), Optional::isPresent)
                .orElseThrow();
    }

    private static void awaitExpired(ShardLeases leases, String shard) {
        await("lease of " + shard + " expired by the database clock", () -> leases.holder(shard), Optional::isEmpty);
    }
}
