package dev.botfleet.server.activity;

import dev.botfleet.server.common.OwnedBot;
import dev.botfleet.server.support.GenericPlan;
import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bot's row looked up for its owner, as a fresh fleet's connections plan it: on tables that look empty, once for all
 * parameters, kept with the prepared statement. With {@code owner_id = :owner} beside the bot's id PostgreSQL chose the
 * owner's index and read every bot of the owner for each lookup (each activity-log line of a 1,000-bot fleet read
 * 1,000 rows); the owner compared as {@link OwnedBot} does leaves the primary key as the only index to choose.
 */
@ExtendWith(PostgresAvailable.class)
class OwnedBotPlanPostgresTest {
    private Connection connection;
    private JdbcClient jdbc;

    @BeforeEach
    void freshSchema() throws Exception {
        DataSource data = PostgresSchema.newMigratedSchema();
        connection = data.getConnection();
        jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    @AfterEach
    void closeConnection() throws Exception {
        connection.close();
    }

    @Test
    void anActivityLineFindsItsBotByThePrimaryKey() {
        assertThat(GenericPlan.of(jdbc, "activity_line", ActivityLogRepository.INSERT))
                .contains("Index Scan using bots_pkey").doesNotContain("bots_owner_ix");
    }

    @Test
    void theOwnersBotIsReadLockedAndDeletedByThePrimaryKey() {
        for (String[] statement : new String[][]{
                {"bot_read", "SELECT * FROM bots WHERE " + OwnedBot.BOT},
                {"bot_lock", "SELECT * FROM bots WHERE " + OwnedBot.BOT + " FOR UPDATE"},
                {"bot_delete", "DELETE FROM bots WHERE " + OwnedBot.BOT}}) {
            assertThat(GenericPlan.of(jdbc, statement[0], statement[1])).as(statement[1])
                    .contains("Index Scan using bots_pkey").doesNotContain("bots_owner_ix");
        }
    }

    @Test
    void oneBotsRowsCheckTheirOwnerOnTheBotsPrimaryKey() {
        assertThat(GenericPlan.of(jdbc, "bot_trades", "SELECT * FROM trades WHERE " + OwnedBot.ROWS))
                .contains("bots_pkey").doesNotContain("bots_owner_ix");
    }
}
