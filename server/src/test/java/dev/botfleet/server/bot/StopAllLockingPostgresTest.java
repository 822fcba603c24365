package dev.botfleet.server.bot;

import dev.botfleet.server.support.ApiTestBase;
import dev.botfleet.server.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emergency brake against the journal's writer, on PostgreSQL's real row locks. The writer commits several bots'
 * rows in one transaction, in the order their turns came (a fill's booking updates its bot's row). Stop-all once
 * locked all the account's ACTIVE rows in one transaction, oldest first: with the writer holding the newer bot's row
 * and then wanting the older one, PostgreSQL found a deadlock and answered stop-all with a 500 (seen in CI).
 */
@OnPostgres
class StopAllLockingPostgresTest extends ApiTestBase {
    @Autowired
    DataSource dataSource;

    @Test
    void stopAllStopsEachBotItCanReachWhileTheWriterHoldsAnotherAndNeverDeadlocksWithIt() throws Exception {
        Session alice = newUser();
        UUID older = started(alice, "older");
        UUID newer = started(alice, "newer");

        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try {
                assertThat(book(writer, newer)).isEqualTo(1);  // the writer's batch: the newer bot's fill first
                int writerPid = backendPid(writer);

                CompletableFuture<Answer> brake = CompletableFuture.supplyAsync(() -> post("/api/v1/bots/stop-all", alice, null));
                // waiting for the writer, which holds only the newer bot's row (not any lock wait on bots: a bot's own
                // short write on the older row, or another test's, is no sign that stop-all got past the older bot)
                await("stop-all waiting for the newer bot's row", () -> waitingOnWriter(writerPid), waiting -> waiting > 0);

                // the bot it could reach is stopped and committed while the other's row is busy
                assertThat(status(older)).isEqualTo("STOPPED");
                assertThat(status(newer)).isEqualTo("ACTIVE");

                // then the older bot's fill in the same writer transaction: it must not wait for stop-all
                try (var s = writer.createStatement()) {
                    s.execute("SET LOCAL lock_timeout = '10s'");  // a regression fails here instead of hanging
                }
                assertThat(book(writer, older)).isEqualTo(1);
                writer.commit();

                Answer answer = brake.get(60, TimeUnit.SECONDS);
                assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
                assertThat(answer.body().get("stopped").asInt()).isEqualTo(2);
                assertThat(status(newer)).isEqualTo("STOPPED");
            } finally {
                if (!writer.getAutoCommit()) writer.rollback();  // after a failed assertion: let stop-all go on
            }
        }
    }

    /** A running bot whose buy rests at half the market: it never fills, so the real writer leaves its row alone. */
    private UUID started(Session user, String name) {
        var price = new java.math.BigDecimal(get("/api/v1/price/ltp?exchange=sim&symbol=BTC/USDT", user).body().get("price").asString());
        var half = price.divide(java.math.BigDecimal.TWO, 2, java.math.RoundingMode.DOWN);
        var body = BotApiCases.withConfig(BotApiCases.withConfig(BotApiCases.bot(name), "buyPrice", half), "sellPrice", half.add(java.math.BigDecimal.ONE));
        Answer created = post("/api/v1/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(post("/api/v1/bots/" + id + "/start", user, null).status()).isEqualTo(200);
        return UUID.fromString(id);
    }

    /** What the writer's booking of a fill does to its bot's row (OrderRepository.bookOnBot), without changing it. */
    private static int book(Connection writer, UUID bot) throws SQLException {
        try (PreparedStatement update = writer.prepareStatement(
                "UPDATE bots SET pnl = pnl + 0, total_trades = total_trades + 0, updated_at = updated_at WHERE id = ?")) {
            update.setObject(1, bot);
            return update.executeUpdate();
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (var s = connection.createStatement(); var rows = s.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private long waitingOnWriter(int writerPid) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()
                            AND wait_event_type = 'Lock' AND query LIKE '%FROM bots%FOR UPDATE%'
                            AND :writer = ANY(pg_blocking_pids(pid))""")
                .param("writer", writerPid).query(Long.class).single();
    }

    private String status(UUID bot) {
        return jdbc.sql("SELECT status FROM bots WHERE id = :id").param("id", bot).query(String.class).single();
    }
}
