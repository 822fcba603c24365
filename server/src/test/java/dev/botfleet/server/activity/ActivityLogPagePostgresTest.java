package dev.botfleet.server.activity;

import dev.botfleet.server.support.FleetRows;
import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot's activity-log page on a log that has grown: read backwards along the bot's index (bot_id, seq), stopping at
 * the page's last line — not every line the bot ever wrote, sorted, as with an index on the bot alone.
 */
@ExtendWith(PostgresAvailable.class)
class ActivityLogPagePostgresTest {
    private SingleConnectionDataSource connection;

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void aBotsNewestLinesAreReadAlongItsIndexWithoutSortingItsWholeLog() throws Exception {
        DataSource data = PostgresSchema.newSchema();
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        connection = new SingleConnectionDataSource(data.getConnection(), true);
        JdbcClient jdbc = JdbcClient.create(connection);
        UUID owner = UUID.randomUUID();
        UUID[] bots = FleetRows.userWithBots(jdbc, owner, "log@example.com", 20);
        // a fleet's log: 20 bots' lines interleaved, 2,000 each
        String fleet = FleetRows.uuidArray(bots);
        jdbc.sql("INSERT INTO activity_logs (id, owner_id, bot_id, level, message, created_at)"
                        + " SELECT gen_random_uuid(), :owner, (" + fleet + ")[1 + n % 20], 'INFO', 'Bought 0.001 BTC at ' || n,"
                        + " now() FROM generate_series(0, 39999) n ORDER BY n")
                .param("owner", owner).update();
        jdbc.sql("ANALYZE activity_logs").update();

        String plan = String.join("\n", jdbc.sql("EXPLAIN " + ActivityLogRepository.page(bots[3]))
                .param("owner", owner).param("bot", bots[3]).param("level", null).param("limit", 100).param("offset", 0)
                .query(String.class).list());

        assertThat(plan).as(plan).contains("Index Scan Backward using activity_logs_bot_ix").doesNotContain("Sort");
        assertThat(new ActivityLogRepository(jdbc, null).find(owner, null, bots[3], new dev.botfleet.server.common.Paging(0, 100)))
                .hasSize(100).allMatch(line -> bots[3].equals(line.botId()))
                .extracting(ActivityLog::message).first().isEqualTo("Bought 0.001 BTC at 39983");
    }
}
