package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.Metrics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chunk's metrics as stored in {@code sweep_chunks.metrics}, one per combination in the plan's order. Every number is
 * written as text ({@link BigDecimal#toString}, {@link Double#toString}, ISO durations) so that reading it back gives
 * the very same values: the merged ranking and report must equal a single node's to the last digit.
 */
final class SweepChunkMetrics {
    private SweepChunkMetrics() {
    }

    static String write(JsonMapper json, List<Metrics> metrics) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Metrics m : metrics) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("startingEquity", text(m.startingEquity()));
            row.put("finalEquity", text(m.finalEquity()));
            row.put("netProfit", text(m.netProfit()));
            row.put("totalReturn", Double.toString(m.totalReturn()));
            row.put("cagr", text(m.cagr()));
            row.put("maxDrawdown", Double.toString(m.maxDrawdown()));
            row.put("sharpe", text(m.sharpe()));
            row.put("sortino", text(m.sortino()));
            row.put("calmar", text(m.calmar()));
            row.put("winRate", text(m.winRate()));
            row.put("profitFactor", text(m.profitFactor()));
            row.put("expectancy", text(m.expectancy()));
            row.put("exposure", Double.toString(m.exposure()));
            row.put("trades", Integer.toString(m.trades()));
            row.put("averageDuration", m.averageDuration() == null ? null : m.averageDuration().toString());
            rows.add(row);
        }
        return json.writeValueAsString(rows);
    }

    static List<Metrics> read(JsonMapper json, String text) {
        List<Metrics> out = new ArrayList<>();
        for (JsonNode r : json.readTree(text).values()) {
            out.add(new Metrics(decimal(r, "startingEquity"), decimal(r, "finalEquity"), decimal(r, "netProfit"),
                    Double.parseDouble(r.get("totalReturn").asString()), dbl(r, "cagr"),
                    Double.parseDouble(r.get("maxDrawdown").asString()), dbl(r, "sharpe"), dbl(r, "sortino"),
                    dbl(r, "calmar"), dbl(r, "winRate"), dbl(r, "profitFactor"), decimal(r, "expectancy"),
                    Double.parseDouble(r.get("exposure").asString()), Integer.parseInt(r.get("trades").asString()),
                    isNull(r, "averageDuration") ? null : Duration.parse(r.get("averageDuration").asString())));
        }
        return out;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static boolean isNull(JsonNode r, String field) {
        return r.get(field) == null || r.get(field).isNull();
    }

    private static BigDecimal decimal(JsonNode r, String field) {
        return isNull(r, field) ? null : new BigDecimal(r.get(field).asString());
    }

    private static Double dbl(JsonNode r, String field) {
        return isNull(r, field) ? null : Double.valueOf(r.get(field).asString());
    }
}
