package dev.botfleet.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * The plan PostgreSQL makes for one of the journal's statements once for all parameters (a generic plan: after five
 * runs of a prepared statement) — made from what it knows of the tables then, which for a fresh fleet's writer is
 * nearly empty tables. Tests read it to check that a statement is looked up by the index it is written for.
 */
public final class GenericPlan {
    /** The journal's parameters and their types, as the driver binds them. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            entry("id", "uuid"), entry("owner", "uuid"), entry("bot", "uuid"),
            entry("trade", "varchar"), entry("symbol", "varchar"), entry("side", "varchar"),
            entry("feeCurrency", "varchar"), entry("cid", "varchar"), entry("exchange", "varchar"),
            entry("liquidity", "varchar"), entry("eid", "varchar"), entry("status", "varchar"),
            entry("reason", "varchar"),
            entry("price", "numeric"), entry("qty", "numeric"), entry("fee", "numeric"), entry("pnl", "numeric"),
            entry("filled", "numeric"), entry("avg", "numeric"),
            entry("at", "timestamptz"), entry("updated", "timestamptz"),
            entry("ack", "boolean"),
            entry("level", "varchar"), entry("open", "varchar"),
            entry("u", "uuid"), entry("since", "timestamptz"), entry("from", "timestamptz"), entry("to", "timestamptz"), entry("message", "varchar"), entry("created", "timestamptz"));

    private GenericPlan() {
    }

    /** EXPLAIN of {@code sql} (with {@code :name} parameters) as a generic plan, on {@code jdbc}'s one connection. */
    public static String of(JdbcClient jdbc, String name, String sql) {
        jdbc.sql("SET plan_cache_mode = force_generic_plan").update();
        List<String> order = new ArrayList<>();
        String numbered = numbered(sql, order);
        jdbc.sql("PREPARE " + name + " (" + String.join(", ", order.stream().map(GenericPlan::type).toList()) + ") AS "
                + numbered).update();
        return String.join("\n", jdbc.sql("EXPLAIN EXECUTE " + name + " (" + String.join(", ",
                order.stream().map(GenericPlan::sample).toList()) + ")").query(String.class).list());
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

    private static String type(String name) {
        String type = TYPES.get(name);
        if (type == null) throw new IllegalArgumentException("no type for the parameter :" + name);
        return type;
    }

    private static String sample(String name) {
        return switch (type(name)) {
            case "uuid" -> "gen_random_uuid()";
            case "numeric" -> "1";
            case "timestamptz" -> "now()";
            case "boolean" -> "true";
            default -> "'x'";
        };
    }
}
