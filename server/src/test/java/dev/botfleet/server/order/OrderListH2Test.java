package dev.botfleet.server.order;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's plans for a bot's orders: H2 plans without statistics, so the index it takes is decided by
 * which columns the query names — the list must go by (bot_id, seq), not by an index of the owner's (every order of the
 * fleet), one order by its primary key, and one fill by its order and trade id (not through every fill of the bot).
 */
class OrderListH2Test {
    @Test
    void aBotsOrdersAndFillsAreReadByTheirOwnIndexes() {
        DataSource data = new DriverManagerDataSource("jdbc:h2:mem:orders" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(data).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        UUID owner = UUID.randomUUID();
        UUID bot = UUID.randomUUID();

        String list = String.join("\n", jdbc.sql("EXPLAIN " + OrderQueries.BOT_ORDERS)
                .param("owner", owner).param("bot", bot).param("open", null).query(String.class).list());
        String one = String.join("\n", jdbc.sql("EXPLAIN " + OrderQueries.ONE_ORDER)
                .param("owner", owner).param("bot", bot).param("id", UUID.randomUUID()).query(String.class).list());

        String trade = String.join("\n", jdbc.sql("EXPLAIN " + OrderQueries.ONE_TRADE)
                .param("bot", bot).param("cid", "bf-1").param("trade", "t-1").query(String.class).list());

        assertThat(trade).as(trade).contains("trades_trade_uk").contains("orders_client_order_uk")
                .doesNotContain("trades_bot_ix");
        assertThat(list).as(list).containsPattern("orders_bot_seq_ix: seq > CAST\\(0 AS BIGINT\\)\\s+AND bot_id = \\?").doesNotContain("orders_owner_ix")
                .doesNotContain("CONSTRAINT_");
        assertThat(one).as(one).contains("PRIMARY_KEY").doesNotContain("orders_bot_seq_ix");
    }
}
