package dev.botfleet.server.common;

import dev.botfleet.server.order.OrderQueries;
import dev.botfleet.server.user.Role;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.TokenStates;
import dev.botfleet.server.user.UserRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OwnedBot}: one bot's rows are read by the bot's index on H2 (not by the owner's, which held every row of the
 * owner's fleet), and still only when the asking owner owns the bot.
 */
class OwnedBotTest {
    private JdbcClient jdbc;
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID aliceBot = UUID.randomUUID();
    private final UUID aliceOtherBot = UUID.randomUUID();

    private SingleConnectionDataSource data;

    @AfterEach
    void close() {
        data.destroy();
    }

    @BeforeEach
    void schema() {
        // one connection throughout, as a pool keeps them: H2 ties a CHECK constraint's constant set to the session
        // that created it, and evaluating it once that session is closed fails ("The database has been closed")
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:h2:mem:owned-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        data = db;
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(db);
        user(alice, "alice@example.com");
        user(bob, "bob@example.com");
        bot(aliceBot, alice);
        bot(aliceOtherBot, alice);
        position(aliceBot, alice, "BTC/USDT");
        position(aliceOtherBot, alice, "ETH/USDT");
    }

    /** What a new database (no statistics yet) plans for one bot's rows of each table: the bot's own index. */
    @ParameterizedTest
    @ValueSource(strings = {"orders", "trades", "positions", "deals", "ml_decisions", "activity_logs", "dex_transactions"})
    void oneBotsRowsAreFoundByTheBotsIndex(String table) {
        String plan = explain("SELECT COUNT(*) FROM " + table + " WHERE " + OwnedBot.ROWS);
        assertThat(plan).as(plan).containsPattern("FROM \"public\"\\.\"" + table + "\"\\s+/\\* public\\.\\S+: bot_id = ");
    }

    /** Why the condition exists: the plain one chose the owner's index here, reading the owner's whole fleet. */
    @Test
    void thePlainConditionWentThroughTheOwnersRows() {
        String plan = explain("SELECT COUNT(*) FROM trades WHERE owner_id = :owner AND bot_id = :bot");
        assertThat(plan).as(plan).containsPattern("FROM \"public\"\\.\"trades\"\\s+/\\* public\\.\\S+: owner_id = ");
    }

    @Test
    void anOwnerReadsItsBotsRowsAndNoOneElseDoes() {
        OrderQueries queries = new OrderQueries(jdbc);
        assertThat(queries.positions(alice, aliceBot)).extracting(OrderQueries.PositionRow::symbol)
                .containsExactly("BTC/USDT");
        assertThat(queries.positions(alice, aliceOtherBot)).extracting(OrderQueries.PositionRow::symbol)
                .containsExactly("ETH/USDT");
        assertThat(queries.positions(bob, aliceBot)).isEmpty();
        assertThat(queries.positions(alice, UUID.randomUUID())).isEmpty();
    }

    private String explain(String sql) {
        return jdbc.sql("EXPLAIN " + sql).param("owner", alice).param("bot", aliceBot).query(String.class).single();
    }

    private void user(UUID id, String email) {
        new UserRepository(jdbc, new TokenStates(jdbc, false)).insert(new User(id, email, "x", Role.USER, 0, Instant.now(), Instant.now(), null));
    }

    private void bot(UUID id, UUID owner) {
        jdbc.sql("INSERT INTO bots (id, owner_id, name, exchange, symbol, strategy, mode, status, config, created_at,"
                        + " updated_at) VALUES (:id, :owner, 'b', 'sim', 'BTC/USDT', 'dca', 'PAPER', 'STOPPED', '{}',"
                        + " :now, :now)")
                .param("id", id).param("owner", owner).param("now", Timestamp.from(Instant.now())).update();
    }

    private void position(UUID bot, UUID owner, String symbol) {
        jdbc.sql("INSERT INTO positions (id, owner_id, bot_id, exchange, symbol, updated_at)"
                        + " VALUES (:id, :owner, :bot, 'sim', :symbol, :now)")
                .param("id", UUID.randomUUID()).param("owner", owner).param("bot", bot).param("symbol", symbol)
                .param("now", Timestamp.from(Instant.now())).update();
    }
}
