package dev.botfleet.server.order;

import dev.botfleet.server.support.GenericPlan;
import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL plans a prepared statement once for all parameters after its fifth run (a generic plan), from what it
 * knows of the tables then — for a fresh fleet's writer, nearly empty tables. The trade booking's duplicate check must
 * then still look the trades' unique index up by both its columns: joined to the order's row instead, it was planned
 * as a scan of that index on its second column, and every fill read all trades.
 */
@ExtendWith(PostgresAvailable.class)
class TradeBookingPlanPostgresTest {
    @Test
    void theGenericPlanOfATradesBookingOnEmptyTablesLooksItsDuplicateUpByOrderAndTradeId() {
        DataSource data = PostgresSchema.newSchema();
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                org.springframework.jdbc.datasource.DataSourceUtils.getConnection(data), true));

        String plan = GenericPlan.of(jdbc, "booking", JournalRows.INSERT_TRADE_ONCE);

        assertThat(plan).as(plan).containsPattern("Index (Only )?Scan using trades_trade_uk")
                .containsPattern("Index Cond: \\(\\(order_id = \\$\\d+\\) AND \\(trade_id = ");
    }

    @Test
    void theStreamsLookupOfAFillsTradeGoesByOrderAndTradeIdNotThroughEveryFillOfTheBot() {
        DataSource data = PostgresSchema.newMigratedSchema();
        JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                org.springframework.jdbc.datasource.DataSourceUtils.getConnection(data), true));

        String plan = GenericPlan.of(jdbc, "one_trade", OrderQueries.ONE_TRADE);

        assertThat(plan).as(plan).containsPattern("Index (Only )?Scan using trades_trade_uk")
                .contains("orders_client_order_uk").doesNotContain("trades_bot_ix");
    }
}
