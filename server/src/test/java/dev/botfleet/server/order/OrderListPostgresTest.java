package dev.botfleet.server.order;

import dev.botfleet.server.common.Paging;
import dev.botfleet.server.support.FleetRows;
import dev.botfleet.server.support.GenericPlan;
import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot's order list on a journal that has grown: read backwards along the bot's index (bot_id, seq; V58), stopping at
 * the list's last row — not every order the bot ever placed, sorted, on each call. The new index must not take the
 * journal's lookups by client order id from the unique index (a fresh fleet's writers plan them on empty tables).
 */
@ExtendWith(PostgresAvailable.class)
class OrderListPostgresTest {
    private SingleConnectionDataSource connection;
    private JdbcClient jdbc;
    private final UUID owner = UUID.randomUUID();
    private UUID[] bots;

    @BeforeEach
    void freshSchema() throws Exception {
        connection = new SingleConnectionDataSource(PostgresSchema.newMigratedSchema().getConnection(), true);
        jdbc = JdbcClient.create(connection);
        bots = FleetRows.userWithBots(jdbc, owner, "orders@example.com", 20);
    }

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void aBotsNewestOrdersAreReadAlongItsIndexWithoutSortingAllItsOrders() {
        // a fleet's journal: 20 bots' orders interleaved, 2,000 each; every seventh still resting
        String fleet = FleetRows.uuidArray(bots);
        jdbc.sql("INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type, time_in_force,"
                        + " price, quantity, status, created_at, updated_at)"
                        + " SELECT gen_random_uuid(), :owner, (" + fleet + ")[1 + n % 20], 'bf-' || n, 'sim', 'BTC/USDT',"
                        + " 'BUY', 'LIMIT', 'GTC', 64000, 0.001, CASE WHEN n % 7 = 0 THEN 'ACCEPTED' ELSE 'FILLED' END,"
                        + " now(), now() FROM generate_series(0, 39999) n ORDER BY n")
                .param("owner", owner).update();
        jdbc.sql("ANALYZE orders").update();

        String plan = String.join("\n", jdbc.sql("EXPLAIN " + OrderQueries.BOT_ORDERS)
                .param("owner", owner).param("bot", bots[3]).param("open", null).query(String.class).list());

        assertThat(plan).as(plan).contains("Index Scan Backward using orders_bot_seq_ix").doesNotContain("Sort");
        OrderQueries queries = new OrderQueries(jdbc);
        assertThat(queries.botOrders(owner, bots[3], null)).hasSize(OrderQueries.LIST_LIMIT)
                .allMatch(order -> bots[3].equals(order.botId()))
                .extracting(OrderResponse::clientOrderId).startsWith("bf-39983", "bf-39963");
        assertThat(queries.botOrders(owner, bots[3], "open")).isNotEmpty()
                .allMatch(order -> "ACCEPTED".equals(order.status()))
                .extracting(OrderResponse::clientOrderId).first().isEqualTo("bf-39963");  // 39,963 = 7 × 5,709
        assertThat(queries.orders(owner, bots[3], null, new Paging(1, 100)))
                .extracting(OrderResponse::clientOrderId).first().isEqualTo("bf-37983");  // the 101st newest
    }

    @Test
    void onAFreshFleetsEmptyTablesEachLookupKeepsItsOwnIndex() {
        // planned once for all parameters, as a fresh fleet's writers and API connections do (an index on (bot_id, seq)
        // for all rows cost the same as the unique one here, was chosen for the journal's updates, and would have read
        // all of a bot's orders for each)
        String update = GenericPlan.of(jdbc, "order_update", JournalRows.UPDATE_ORDER);
        String booking = GenericPlan.of(jdbc, "trade_booking", JournalRows.INSERT_TRADE_ONCE);
        String one = GenericPlan.of(jdbc, "one_order", OrderQueries.ONE_ORDER);
        String list = GenericPlan.of(jdbc, "bot_orders", OrderQueries.BOT_ORDERS);

        assertThat(update).as(update).contains("orders_client_order_uk").doesNotContain("orders_bot_seq_ix");
        assertThat(booking).as(booking).contains("orders_client_order_uk").doesNotContain("orders_bot_seq_ix");
        assertThat(one).as(one).contains("Index Scan using orders_pkey").doesNotContain("orders_bot_seq_ix");
        assertThat(list).as(list).contains("Index Scan Backward using orders_bot_seq_ix").doesNotContain("Sort");
    }
}
