package dev.botfleet.server.runtime;

import dev.botfleet.server.support.PostgresAvailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability: the packaged server, on PostgreSQL (a fresh schema), runs several scalper bots on a fast sim market and
 * is killed with SIGKILL mid-trading several times, restarted each time. Afterwards: every ACTIVE bot is ACTIVE again
 * and trades on, the simulated exchange never received a client order id twice, nothing reached it that was not
 * journaled first, each order's filled quantity is the sum of its fills, each position is the sum of its fills, and
 * each bot's pnl and totalTrades are exactly what its fills add up to.
 */
@ExtendWith(PostgresAvailable.class)
class CrashRestartIT {
    private static final String PG_URL = ItSchema.URL;
    private static final String PG_USER = ItSchema.USER;
    private static final String PG_PASSWORD = ItSchema.PASSWORD;
    private static final int BOTS = 4;
    private static final int KILLS = 3;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration TRADING = Duration.ofSeconds(40);

    private static String schema;
    private static ServerProcess server;

    @BeforeAll
    static void freshSchema() throws Exception {
        schema = ItSchema.create();
        Path target = Path.of(System.getProperty("botfleet.it.target", "target"));
        Path jar = Path.of(System.getProperty("botfleet.it.jar", target.resolve("botfleet-server.jar").toString()));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", PG_URL + "?currentSchema=" + schema);
        props.put("spring.datasource.username", PG_USER);
        props.put("spring.datasource.password", PG_PASSWORD);
        props.put("botfleet.data-dir", target.resolve("it-data/" + schema).toString());
        props.put("botfleet.sim.tick-interval", "20ms");
        props.put("botfleet.password.bcrypt-strength", "4");
        server = new ServerProcess(jar, target.resolve("it-logs/" + schema), props);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) server.kill();
        ItSchema.drop(schema);
    }

    @Test
    void killedMidTradingItResumesWithoutDuplicatesOrLostFills() throws Exception {
        System.out.println("CrashRestartIT: first start took " + server.start(STARTUP));
        String token = register();
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            bots.add(scalper(token, "crash-" + i, new BigDecimal("0.0003").add(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(i)))));
        }
        for (String bot : bots) assertThat(call("POST", "/api/v1/bots/" + bot + "/start", token).get("status").asString()).isEqualTo("ACTIVE");

        for (int kill = 1; kill <= KILLS; kill++) {
            long fills = count("SELECT COUNT(*) FROM trades");
            awaitCount("more fills before kill " + kill, "SELECT COUNT(*) FROM trades", fills + 4);
            server.kill();
            System.out.println("CrashRestartIT: kill " + kill + " after " + count("SELECT COUNT(*) FROM trades") + " fills, "
                    + count("SELECT COUNT(*) FROM orders") + " orders; restart took " + server.start(STARTUP));
            for (String bot : bots) {
                assertThat(call("GET", "/api/v1/bots/" + bot, token).get("status").asString()).as("bot " + bot).isEqualTo("ACTIVE");
            }
            assertInvariants(bots);
        }
        // every bot trades on after the last restart: each places at least one new order
        Map<String, Long> ordersBefore = new LinkedHashMap<>();
        for (String bot : bots) ordersBefore.put(bot, count("SELECT COUNT(*) FROM orders WHERE bot_id = '" + bot + "'"));
        for (String bot : bots) {
            awaitCount("bot " + bot + " to place an order after the last restart",
                    "SELECT COUNT(*) FROM orders WHERE bot_id = '" + bot + "'", ordersBefore.get(bot) + 1);
        }
        server.kill();
        assertInvariants(bots);
        assertThat(count("SELECT COALESCE(SUM(total_trades), 0) FROM bots")).as("round trips completed").isPositive();
        System.out.println("CrashRestartIT: " + count("SELECT COUNT(*) FROM trades") + " fills, "
                + count("SELECT COUNT(*) FROM deals") + " round trips, " + count("SELECT COUNT(*) FROM sim_orders")
                + " orders received by sim, 0 duplicates");
    }

    /** All checks read one snapshot (REPEATABLE READ): the server may still be trading while they run. */
    private void assertInvariants(List<String> bots) throws Exception {
        try (Connection c = connect()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            c.setReadOnly(true);
            assertInvariants(c, bots);
            c.rollback();
        }
    }

    private void assertInvariants(Connection c, List<String> bots) throws Exception {
        assertThat(count(c, "SELECT COUNT(*) FROM sim_orders WHERE submissions <> 1"))
                .as("client order ids the sim exchange received more than once").isZero();
        assertThat(count(c, "SELECT COUNT(*) FROM sim_orders s WHERE NOT EXISTS (SELECT 1 FROM orders o "
                + "WHERE o.client_order_id = s.client_order_id AND o.bot_id = s.bot_id)"))
                .as("orders that reached the exchange without being journaled first").isZero();
        assertThat(count(c, "SELECT COUNT(*) FROM orders o WHERE o.acknowledged AND NOT EXISTS (SELECT 1 FROM sim_orders s "
                + "WHERE s.client_order_id = o.client_order_id)"))
                .as("acknowledged orders the exchange has no record of").isZero();
        assertThat(count(c, "SELECT COUNT(*) FROM orders o WHERE o.filled_quantity <> (SELECT COALESCE(SUM(t.quantity), 0) "
                + "FROM trades t WHERE t.order_id = o.id)"))
                .as("orders whose filled quantity is not the sum of their fills").isZero();
        assertThat(count(c, "SELECT COUNT(*) FROM (SELECT client_order_id, trade_id FROM trades GROUP BY client_order_id, trade_id "
                + "HAVING COUNT(*) > 1) d")).as("fills booked twice").isZero();
        for (String bot : bots) assertBotAgreesWithItsFills(c, bot);
    }

    /** Replays the bot's fills in booking order: position, realized pnl, round trips and their pnl must match. */
    private void assertBotAgreesWithItsFills(Connection c, String bot) throws Exception {
        BigDecimal position = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal closedPnl = BigDecimal.ZERO;
        long roundTrips = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT side, quantity, realized_pnl FROM trades WHERE bot_id = '" + bot + "' ORDER BY seq")) {
            while (rs.next()) {
                BigDecimal qty = rs.getBigDecimal(2);
                BigDecimal before = position;
                position = position.add(rs.getString(1).equals("BUY") ? qty : qty.negate());
                realized = realized.add(rs.getBigDecimal(3));
                if (before.signum() != 0 && position.signum() != before.signum()) {
                    roundTrips++;
                    closedPnl = realized;
                }
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT b.pnl, b.total_trades, p.quantity, p.realized_pnl FROM bots b "
                     + "LEFT JOIN positions p ON p.bot_id = b.id WHERE b.id = '" + bot + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).as("pnl of " + bot).isEqualByComparingTo(closedPnl);
            assertThat(rs.getLong(2)).as("totalTrades of " + bot).isEqualTo(roundTrips);
            BigDecimal positionRow = rs.getBigDecimal(3) == null ? BigDecimal.ZERO : rs.getBigDecimal(3);
            assertThat(positionRow).as("position of " + bot).isEqualByComparingTo(position);
            BigDecimal realizedRow = rs.getBigDecimal(4) == null ? BigDecimal.ZERO : rs.getBigDecimal(4);
            assertThat(realizedRow).as("realized pnl of " + bot).isEqualByComparingTo(realized);
        }
        assertThat(count(c, "SELECT COUNT(*) FROM deals WHERE bot_id = '" + bot + "'")).isEqualTo(roundTrips);
    }

    private void awaitCount(String what, String sql, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TRADING.toNanos();
        long seen = count(sql);
        while (seen < atLeast) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what + ": " + seen + " < " + atLeast);
            Thread.sleep(100);
            seen = count(sql);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, PG_PASSWORD);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = connect()) {
            return count(c, sql);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String register() throws Exception {
        return new ServerApi(server).register("crash@example.com");
    }

    private String scalper(String token, String name, BigDecimal spread) throws Exception {
        return new ServerApi(server).scalper(token, name, spread);
    }

    private JsonNode call(String method, String path, String token) throws Exception {
        return new ServerApi(server).call(method, path, token);
    }
}
