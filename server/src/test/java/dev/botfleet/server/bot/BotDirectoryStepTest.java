package dev.botfleet.server.bot;

import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.order.OrderRepository;
import dev.botfleet.server.support.HeldCommits;
import dev.botfleet.server.user.Role;
import dev.botfleet.server.user.TokenStates;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BotDirectory} on H2 with a bot's group commit held in its commit step (visible to reads, not yet on disk):
 * a read of the fleet shows the bot's previous stored row rather than wait when only its fills changed, and waits for
 * any other change, as it must show only what is stored.
 */
class BotDirectoryStepTest {
    private final HeldCommits held = new HeldCommits();
    private final UUID owner = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-12-06T00:00:00Z");
    private SingleConnectionDataSource migrations;
    private GroupCommit commits;
    private TransactionTemplate tx;
    private BotDirectory directory;
    private BotRepository bots;
    private OrderRepository orders;

    @BeforeEach
    void database() {
        String url = "jdbc:h2:mem:directory-step-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        // migrated on a connection kept open to the end (H2 ties a CHECK constraint to the session that made it, as
        // OwnedBotTest explains); the rest on connections of their own: the held commit's must not be the reads'
        migrations = new SingleConnectionDataSource(url, "sa", "", true);
        Flyway.configure().dataSource(migrations).locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource data = new DriverManagerDataSource(url, "sa", "");
        JdbcClient jdbc = JdbcClient.create(data);
        tx = new TransactionTemplate(new DataSourceTransactionManager(data));
        commits = new GroupCommit(held.transactions(data), 256, 1);
        directory = new BotDirectory(jdbc, JsonMapper.builder().build(), commits, false, url);
        bots = new BotRepository(jdbc, JsonMapper.builder().build(), directory);
        orders = new OrderRepository(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(data), directory);
        new UserRepository(jdbc, new TokenStates(jdbc, false)).insert(new User(owner, "o@example.com", "x", Role.USER, 0, now, now, null));
    }

    @AfterEach
    void close() {
        held.letCommit.countDown();
        commits.close();
        migrations.destroy();
    }

    private Bot listed() throws Exception {
        PageResponse<Bot> page = CompletableFuture.supplyAsync(() -> directory.page(owner, null, new Paging(0, 100)))
                .get(10, TimeUnit.SECONDS);  // a read that waited for the held step would run out here
        return page.items().getFirst();
    }

    private Bot newBot() {
        Bot bot = new Bot(UUID.randomUUID(), owner, "b", "sim", "BTC/USDT", "dca", BotMode.PAPER, BotStatus.ACTIVE, null,
                Map.of("orderAmount", "1"), BigDecimal.ZERO, 0, null, now, now, null, null);
        bots.insert(bot);
        return bot;
    }

    /** Books a deal on the bot in a group commit that is held in its commit step; counts {@code booked} down once stored. */
    private void holdADealInItsCommitStep(Bot bot, CountDownLatch booked) throws InterruptedException {
        commits.lane(bot.id()).backlog(bot.id()).submit(
                () -> orders.bookOnBot(bot.id(), new BigDecimal("2"), 1, now, now), booked::countDown, e -> { });
        assertThat(held.inCommit.await(30, TimeUnit.SECONDS)).as("the deal is in its commit step").isTrue();
    }

    @Test
    void aFleetReadShowsTheStoredRowWhileABotsStepIsUnderWayAndOnlyItsFillsChanged() throws Exception {
        Bot bot = newBot();
        assertThat(listed().totalTrades()).isZero();
        tx.executeWithoutResult(status -> orders.bookOnBot(bot.id(), new BigDecimal("1.5"), 1, now, now));
        CountDownLatch booked = new CountDownLatch(1);
        holdADealInItsCommitStep(bot, booked);

        // the first deal was read, but a step that may write the bot is under way: on H2 what was read could be
        // visible and not yet on disk, so the previous stored row is shown, at once
        Bot shown = listed();
        assertThat(shown.totalTrades()).isZero();
        assertThat(shown.pnl()).isEqualByComparingTo("0");
        assertThat(CompletableFuture.supplyAsync(() -> directory.summary(owner)).get(10, TimeUnit.SECONDS).totalTrades())
                .isZero();

        held.letCommit.countDown();
        assertThat(booked.await(30, TimeUnit.SECONDS)).isTrue();
        Bot stored = listed();
        assertThat(stored.totalTrades()).isEqualTo(2);
        assertThat(stored.pnl()).isEqualByComparingTo("3.5");
        assertThat(directory.summary(owner).totalTrades()).isEqualTo(2);
    }

    @Test
    void aFleetReadWaitsForTheStepWhenMoreThanFillsChanged() throws Exception {
        Bot bot = newBot();
        assertThat(listed().status()).isEqualTo(BotStatus.ACTIVE);
        bots.setStatus(owner, bot.id(), BotStatus.STOPPED, null, null, now);  // a user's stop
        CountDownLatch booked = new CountDownLatch(1);
        holdADealInItsCommitStep(bot, booked);

        CompletableFuture<PageResponse<Bot>> waiting =
                CompletableFuture.supplyAsync(() -> directory.page(owner, null, new Paging(0, 100)));
        assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).as("it waits for the step")
                .isInstanceOf(TimeoutException.class);
        held.letCommit.countDown();
        assertThat(waiting.get(30, TimeUnit.SECONDS).items().getFirst().status()).isEqualTo(BotStatus.STOPPED);
        assertThat(booked.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(listed().totalTrades()).isEqualTo(1);
    }

    @Test
    void onlyWhatAFillBooksCountsAsAFillsChange() {
        Bot kept = new Bot(UUID.randomUUID(), owner, "b", "sim", "BTC/USDT", "dca", BotMode.PAPER, BotStatus.ACTIVE, null,
                Map.of("orderAmount", "1"), BigDecimal.ZERO, 0, null, now, now, null, null);
        Bot filled = new Bot(kept.id(), owner, "b", "sim", "BTC/USDT", "dca", BotMode.PAPER, BotStatus.ACTIVE, null,
                Map.of("orderAmount", "1"), new BigDecimal("1.5"), 1, now.plusSeconds(1), now, now.plusSeconds(1), null, null);
        Bot renamed = new Bot(kept.id(), owner, "c", "sim", "BTC/USDT", "dca", BotMode.PAPER, BotStatus.ACTIVE, null,
                Map.of("orderAmount", "1"), new BigDecimal("1.5"), 1, now, now, now, null, null);
        Bot reconfigured = new Bot(kept.id(), owner, "b", "sim", "BTC/USDT", "dca", BotMode.PAPER, BotStatus.ACTIVE, null,
                Map.of("orderAmount", "2"), BigDecimal.ZERO, 0, null, now, now, null, null);
        Bot failed = new Bot(kept.id(), owner, "b", "sim", "BTC/USDT", "dca", BotMode.PAPER, BotStatus.ERROR, "venue down",
                Map.of("orderAmount", "1"), BigDecimal.ZERO, 0, null, now, now, null, null);
        assertThat(BotDirectory.onlyFillsChanged(kept, filled)).isTrue();
        assertThat(BotDirectory.onlyFillsChanged(kept, kept)).isTrue();
        assertThat(BotDirectory.onlyFillsChanged(kept, renamed)).isFalse();
        assertThat(BotDirectory.onlyFillsChanged(kept, reconfigured)).isFalse();
        assertThat(BotDirectory.onlyFillsChanged(kept, failed)).isFalse();
    }
}
