package dev.botfleet.server.order;

import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL plans a prepared statement once for all parameters after its fifth run (a generic plan), from what it
 * knows of the tables then — for a fresh fleet's writer, nearly empty tables. The trade booking's duplicate check must
 * then still look the trades' unique index up by both its columns: joined to the order's row instead, it was planned
 * as a scan of that index on its second column, and every fill read all trades.
 */
@ExtendWith(PostgresAvailable.class)
class TradeBookingPlanPostgresTest {
    /** The statement's parameters and their types, as the driver binds them. */
    private static final Map<String, String> TYPES = types();

    @Test
    void theGenericPlanOfATradesBookingOnEmptyTablesLooksItsDuplicateUpByOrderAndTradeId() {
        DataSource data = PostgresSchema.newSchema();
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                org.springframework.jdbc.datasource.DataSourceUtils.getConnection(data), true));

        jdbc.sql("SET plan_cache_mode = force_generic_plan").update();
        List<String> order = new ArrayList<>();
        String numbered = numbered(JournalRows.INSERT_TRADE_ONCE, order);
        jdbc.sql("PREPARE booking (" + String.join(", ", order.stream().map(TYPES::get).toList()) + ") AS " + numbered)
                .update();
        String plan = String.join("\n", jdbc.sql("EXPLAIN EXECUTE booking (" + String.join(", ",
                order.stream().map(TradeBookingPlanPostgresTest::sample).toList()) + ")").query(String.class).list());

        assertThat(plan).as(plan).containsPattern("Index (Only )?Scan using trades_trade_uk")
                .containsPattern("Index Cond: \\(\\(order_id = \\$\\d+\\) AND \\(trade_id = ");
    }

    /** The statement with {@code :name} parameters as {@code $1, $2...} in order of first use (names into {@code order}). */
    private static String numbered(String sql, List<String> order) {
        Matcher m = Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!order.contains(name)) order.add(name);
            m.appendReplacement(out, "\\$" + (order.indexOf(name) + 1));
        }
        return m.appendTail(out).toString();
    }

    private static String sample(String name) {
        return switch (TYPES.get(name)) {
            case "uuid" -> "gen_random_uuid()";
            case "numeric" -> "1";
            case "timestamptz" -> "now()";
            default -> "'x'";
        };
    }

    private static Map<String, String> types() {
        Map<String, String> t = new LinkedHashMap<>();
        for (String uuid : List.of("id", "owner", "bot")) t.put(uuid, "uuid");
        for (String text : List.of("trade", "symbol", "side", "feeCurrency", "cid", "exchange", "liquidity")) {
            t.put(text, "varchar");
        }
        for (String number : List.of("price", "qty", "fee", "pnl")) t.put(number, "numeric");
        t.put("at", "timestamptz");
        return t;
    }
}
