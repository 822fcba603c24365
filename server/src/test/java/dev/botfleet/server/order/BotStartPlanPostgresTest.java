package dev.botfleet.server.order;

import dev.botfleet.server.support.GenericPlan;
import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot's start reads where it last stood flat and the fill that point names. A fresh fleet's first starts plan that
 * read once for all parameters on empty tables, and the plan is kept: the fill must be looked up by the trades' unique
 * index, not found by scanning every fill of the fleet (as the read written with joins was planned).
 */
@ExtendWith(PostgresAvailable.class)
class BotStartPlanPostgresTest {
    @Test
    void theFlatPointsFillIsLookedUpByItsOrderAndTradeIdOnAFreshFleetsEmptyTables() {
        DataSource data = PostgresSchema.newMigratedSchema();
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(DataSourceUtils.getConnection(data), true));

        String plan = GenericPlan.of(jdbc, "flat_point", OrderRepository.FLAT_POINT);

        // the joins' plan took trades_trade_uk on its second column alone ("Index Cond: ((trade_id)::text = ...)"):
        // a walk through the whole index, every fill of the fleet, for each start
        assertThat(plan).as(plan).containsPattern("Index Cond: \\(\\(order_id = \\$\\d+\\) AND \\(\\(trade_id\\)")
                .contains("orders_client_order_uk").doesNotContain("Seq Scan on trades").doesNotContain("Hash");
    }
}
