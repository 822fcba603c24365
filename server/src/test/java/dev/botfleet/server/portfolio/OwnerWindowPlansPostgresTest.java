package dev.botfleet.server.portfolio;

import dev.botfleet.server.notify.DailySummaries;
import dev.botfleet.server.support.FleetRows;
import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's deals closed in the last day (the daily summary) and funding payments in a window (the portfolio) are read
 * along the owner's index (V59), not by scanning every user's rows: 20 users, 30 days of rows each.
 */
@ExtendWith(PostgresAvailable.class)
class OwnerWindowPlansPostgresTest {
    private SingleConnectionDataSource connection;
    private JdbcClient jdbc;
    private final List<UUID> users = new ArrayList<>();

    @BeforeEach
    void twentyUsersWithAMonthOfDealsAndFunding() throws Exception {
        connection = new SingleConnectionDataSource(PostgresSchema.newMigratedSchema().getConnection(), true);
        jdbc = JdbcClient.create(connection);
        for (int i = 0; i < 20; i++) {
            UUID user = UUID.randomUUID();
            UUID bot = FleetRows.userWithBots(jdbc, user, "u" + i + "@example.com", 1)[0];
            users.add(user);
            jdbc.sql("INSERT INTO deals (id, owner_id, bot_id, symbol, direction, quantity, pnl, fees, closed_at)"
                            + " SELECT gen_random_uuid(), :owner, :bot, 'BTC/USDT', 'LONG', 0.001, 1, 0,"
                            + " now() - n * interval '10 minutes' FROM generate_series(1, 4320) n")
                    .param("owner", user).param("bot", bot).update();
            jdbc.sql("INSERT INTO funding_payments (id, owner_id, bot_id, symbol, rate, mark_price, amount, settled_at)"
                            + " SELECT gen_random_uuid(), :owner, :bot, 'BTC/USD', 0.0001, 64000, -0.5,"
                            + " now() - n * interval '10 minutes' FROM generate_series(1, 4320) n")
                    .param("owner", user).param("bot", bot).update();
        }
        jdbc.sql("ANALYZE deals").update();
        jdbc.sql("ANALYZE funding_payments").update();
    }

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void aUsersLastDayOfDealsAndAWindowOfFundingAreReadAlongTheOwnersIndexes() {
        Instant now = Instant.now();
        String deals = plan(jdbc.sql("EXPLAIN " + DailySummaries.DEALS_CLOSED_SINCE).param("u", users.get(7))
                .param("since", Timestamp.from(now.minus(1, ChronoUnit.DAYS))));
        String funding = plan(jdbc.sql("EXPLAIN " + PortfolioRepository.FUNDING_IN_WINDOW).param("owner", users.get(7))
                .param("from", Timestamp.from(now.minus(7, ChronoUnit.DAYS))).param("to", Timestamp.from(now)));

        assertThat(deals).as(deals).contains("deals_owner_closed_ix").doesNotContain("Seq Scan");
        assertThat(funding).as(funding).contains("funding_payments_owner_ix").doesNotContain("Seq Scan");
    }

    private static String plan(JdbcClient.StatementSpec explain) {
        return String.join("\n", explain.query(String.class).list());
    }
}
