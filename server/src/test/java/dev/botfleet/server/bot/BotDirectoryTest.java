package dev.botfleet.server.bot;

import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.order.OrderRepository;
import dev.botfleet.server.runtime.RuntimeRepository;
import dev.botfleet.server.user.Role;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.TokenStates;
import dev.botfleet.server.user.UserRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BotDirectory}: the API's reads of a fleet from memory show exactly what the database has stored — after every
 * committed change by any of the bots' writers, and never a change that was rolled back.
 */
class BotDirectoryTest {
    private static final String URL = "jdbc:h2:mem:directory-%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<UUID> owners = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private SingleConnectionDataSource data;
    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private GroupCommit commits;
    private BotDirectory directory;
    private BotRepository bots;
    private RuntimeRepository runtime;
    private OrderRepository orders;
    private Instant now = Instant.parse("2026-12-05T00:00:00Z");

    @BeforeEach
    void database() {
        String url = URL.formatted(UUID.randomUUID());
        // one connection throughout, as OwnedBotTest explains
        data = new SingleConnectionDataSource(url, "sa", "", true);
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(data);
        tx = new TransactionTemplate(new DataSourceTransactionManager(data));
        commits = new GroupCommit(tx, 256, 1);
        directory = new BotDirectory(jdbc, json, commits, false, url);
        bots = new BotRepository(jdbc, json, directory);
        runtime = new RuntimeRepository(jdbc, directory);
        orders = new OrderRepository(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(data), directory);
        for (UUID owner : owners) {
            new UserRepository(jdbc, new TokenStates(jdbc, false)).insert(new User(owner, owner + "@example.com", "x", Role.USER, 0, now, now, null));
        }
    }

    @AfterEach
    void close() {
        commits.close();
        data.destroy();
    }

    @Test
    void everyCommittedChangeOfEveryWriterIsShownAndNoRolledBackOne() {
        SplittableRandom random = new SplittableRandom(7);
        List<Bot> made = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            UUID owner = owners.get(random.nextInt(owners.size()));
            boolean rollBack = random.nextInt(5) == 0;
            int what = made.isEmpty() ? 0 : random.nextInt(6);
            Bot some = made.isEmpty() ? null : made.get(random.nextInt(made.size()));
            now = now.plus(1, ChronoUnit.SECONDS);
            tx.executeWithoutResult(status -> {
                switch (what) {
                    case 0 -> {
                        Bot bot = newBot(owner, random);
                        bots.insert(bot);
                        if (!rollBack) made.add(bot);
                    }
                    case 1 -> bots.update(some.ownerId(), some.id(), new BotSpec("renamed " + random.nextInt(100), "sim",
                            random.nextBoolean() ? "ETH/BTC" : "BTC/USDT", "dca", BotMode.PAPER,
                            Map.of("orderAmount", String.valueOf(random.nextInt(1, 9))), null, null), now);
                    case 2 -> bots.setStatus(some.ownerId(), some.id(), BotStatus.values()[random.nextInt(3)],
                            null, null, now);
                    case 3 -> runtime.setStatusIfActive(some.id(), BotStatus.ERROR, "venue refused", now);
                    case 4 -> orders.bookOnBot(some.id(), new BigDecimal(random.nextInt(-500, 500)).movePointLeft(3),
                            random.nextInt(2), now, now);
                    default -> {
                        if (bots.delete(some.ownerId(), some.id()) && !rollBack) made.remove(some);
                    }
                }
                if (rollBack) status.setRollbackOnly();
            });
            assertShowsTheDatabase(step);
        }
        assertThat(made).as("the walk made bots that lived").hasSizeGreaterThan(20);
    }

    @Test
    void aChangeInsideATransactionIsReadFromTheDatabaseAndShownFromMemoryOnceCommitted() {
        UUID owner = owners.getFirst();
        Bot bot = newBot(owner, new SplittableRandom(1));
        bots.insert(bot);
        assertThat(directory.find(owner, bot.id())).get().extracting(Bot::name).isEqualTo(bot.name());
        tx.executeWithoutResult(status -> {
            bots.setStatus(owner, bot.id(), BotStatus.ACTIVE, null, null, now);
            assertThat(directory.serves()).as("inside a transaction the API reads the database").isFalse();
            status.setRollbackOnly();
        });
        assertThat(directory.serves()).isTrue();
        assertThat(directory.find(owner, bot.id())).get().extracting(Bot::status).isEqualTo(BotStatus.STOPPED);
        tx.executeWithoutResult(status -> bots.setStatus(owner, bot.id(), BotStatus.ACTIVE, null, null, now));
        assertThat(directory.find(owner, bot.id())).get().extracting(Bot::status).isEqualTo(BotStatus.ACTIVE);
        assertThat(directory.summary(owner).activeBots()).isEqualTo(1);
    }

    /**
     * Writers commit changes while readers read the directory (so reads race the changes told after each commit):
     * once all is quiet, what it shows is what the database has. A read kept over a later change's mark, or a later
     * read overwritten by an earlier one, would leave an entry behind the database.
     */
    @Test
    void readsRacingCommittedChangesEndWhereTheDatabaseIs() throws Exception {
        // connections of their own for the threads; the first one stays open (see database())
        org.springframework.jdbc.datasource.DriverManagerDataSource pool =
                new org.springframework.jdbc.datasource.DriverManagerDataSource(data.getUrl(), "sa", "");
        JdbcClient shared = JdbcClient.create(pool);
        TransactionTemplate own = new TransactionTemplate(new DataSourceTransactionManager(pool));
        BotDirectory raced = new BotDirectory(shared, json, commits, false, data.getUrl());
        OrderRepository booking = new OrderRepository(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(pool), raced);
        RuntimeRepository statuses = new RuntimeRepository(shared, raced);
        BotRepository stored = new BotRepository(shared, json, raced);
        UUID owner = owners.getFirst();
        List<Bot> fleet = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Bot bot = newBot(owner, new SplittableRandom(i));
            stored.insert(bot);
            stored.setStatus(owner, bot.id(), BotStatus.ACTIVE, null, null, now);
            fleet.add(bot);
        }
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                SplittableRandom random = new SplittableRandom(100 + w);
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        Bot bot = fleet.get(random.nextInt(fleet.size()));
                        own.executeWithoutResult(status -> {
                            if (random.nextInt(10) == 0) statuses.setStatusIfActive(bot.id(), BotStatus.ERROR, "x", now);
                            else booking.bookOnBot(bot.id(), BigDecimal.valueOf(random.nextInt(-50, 50), 2), 1, now, now);
                        });
                    }
                }));
            }
            for (int r = 0; r < 2; r++) {
                threads.submit(() -> {
                    while (writing.get()) {
                        raced.summary(owner);
                        raced.find(owner, fleet.getFirst().id());
                    }
                });
            }
            for (var writer : writers) writer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            writing.set(false);
        }
        assertThat(raced.page(owner, null, new Paging(0, 100)).items()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(stored.page(owner, null, new Paging(0, 100)));
        assertThat(raced.summary(owner)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(stored.summary(owner));
        assertThat(stored.summary(owner).totalTrades()).as("the writers booked deals").isGreaterThan(400);
    }

    /** The race the tickets are for, made to happen: a change committed while a read of the same bot is under way. */
    @Test
    void aChangeCommittedWhileTheBotIsReadLeavesItStale() {
        UUID owner = owners.getFirst();
        Bot bot = newBot(owner, new SplittableRandom(3));
        bots.insert(bot);
        assertThat(directory.find(owner, bot.id())).get().extracting(Bot::totalTrades).isEqualTo(0L);
        tx.executeWithoutResult(status -> orders.bookOnBot(bot.id(), new BigDecimal("1.5"), 1, now, now));
        directory.afterRead = () -> {
            directory.afterRead = () -> { };
            tx.executeWithoutResult(status -> orders.bookOnBot(bot.id(), new BigDecimal("2"), 1, now, now));
        };
        assertThat(directory.find(owner, bot.id())).get().extracting(Bot::totalTrades)
                .as("the read saw the first deal only").isEqualTo(1L);
        assertThat(directory.find(owner, bot.id())).get().extracting(Bot::totalTrades, b -> b.pnl().stripTrailingZeros())
                .as("the second deal was told after that read began, so the entry was read again")
                .containsExactly(2L, new BigDecimal("3.5"));
    }

    /** A bot created while the list is read is sorted into its place once it has been read, not left at the end. */
    @Test
    void aBotCreatedDuringAReadOfTheListTakesItsPlaceNewestFirst() {
        UUID owner = owners.getFirst();
        assertThat(directory.page(owner, null, new Paging(0, 100)).items()).isEmpty();
        Bot older = newBot(owner, new SplittableRandom(4));
        bots.insert(older);  // stale until read: the next read of the list reads it
        Bot newer = newBot(owner, new SplittableRandom(5));
        directory.afterRead = () -> {
            directory.afterRead = () -> { };
            bots.insert(newer);  // told while the list's stale bots are read: the list sorts it unread, so last
        };
        assertThat(directory.page(owner, null, new Paging(0, 100)).items()).extracting(Bot::id).containsExactly(older.id());
        assertThat(directory.page(owner, null, new Paging(0, 100)).items()).extracting(Bot::id)
                .containsExactly(newer.id(), older.id());
        assertShowsTheDatabase(0);
    }

    /** The account's deletion takes its bots by cascade, which tells no bot's change: the directory forgets the owner. */
    @Test
    void aDeletedAccountsFleetIsForgottenOnceTheDeletionCommits() {
        UUID owner = owners.getFirst();
        Bot one = newBot(owner, new SplittableRandom(8));
        Bot two = newBot(owner, new SplittableRandom(9));
        bots.insert(one);
        bots.insert(two);
        assertThat(directory.page(owner, null, new Paging(0, 100)).items()).hasSize(2);
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM users WHERE id = :id").param("id", owner).update();
            directory.ownerDeleted(owner);
            assertThat(directory.holds(one.id())).as("not before the deletion commits").isTrue();
        });
        assertThat(directory.holds(one.id())).isFalse();
        assertThat(directory.holds(two.id())).isFalse();
        assertThat(directory.page(owner, null, new Paging(0, 100)).items()).isEmpty();
        assertThat(directory.summary(owner).totalBots()).isZero();
        assertThat(directory.find(owner, one.id())).isEmpty();
        assertShowsTheDatabase(0);
    }

    @Test
    void anotherOwnersBotIsNotThere() {
        Bot bot = newBot(owners.get(0), new SplittableRandom(2));
        bots.insert(bot);
        assertThat(directory.find(owners.get(1), bot.id())).isEmpty();
        assertThat(directory.page(owners.get(1), null, new Paging(0, 100)).total()).isZero();
        assertThat(directory.find(owners.get(0), UUID.randomUUID())).isEmpty();
    }

    @Test
    void inAClusterTheDirectoryServesNothing() {
        BotDirectory clustered = new BotDirectory(jdbc, json, commits, true, URL);
        assertThat(clustered.serves()).isFalse();
    }

    /** Every read of the directory against the same read of the database. */
    private void assertShowsTheDatabase(int step) {
        for (UUID owner : owners) {
            for (BotStatus status : new BotStatus[]{null, BotStatus.ACTIVE, BotStatus.STOPPED, BotStatus.ERROR}) {
                for (Paging paging : List.of(new Paging(0, 100), new Paging(1, 3))) {
                    PageResponse<Bot> shown = directory.page(owner, status, paging);
                    assertThat(shown.items()).as("step %d, %s page %s", step, status, paging)
                            .usingRecursiveFieldByFieldElementComparator()
                            .isEqualTo(bots.page(owner, status, paging));
                    assertThat(shown.total()).as("step %d", step).isEqualTo(bots.count(owner, status));
                }
            }
            BotRepository.Summary summary = directory.summary(owner);
            BotRepository.Summary stored = bots.summary(owner);
            assertThat(summary).as("step %d", step).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(stored);
            for (Bot bot : bots.page(owner, null, new Paging(0, 100))) {
                assertThat(directory.find(owner, bot.id())).get().usingRecursiveComparison().isEqualTo(bot);
            }
        }
    }

    private Bot newBot(UUID owner, SplittableRandom random) {
        return new Bot(UUID.randomUUID(), owner, "bot " + random.nextInt(1000), "sim", "BTC/USDT", "dca", BotMode.PAPER,
                BotStatus.STOPPED, null, Map.of("orderAmount", "1"), BigDecimal.ZERO, 0, null, now, now, null, null);
    }
}
