package dev.botfleet.server.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.TrialOutcome;
import dev.botfleet.engine.backtest.optimize.TrialTrade;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the closed trades out of a portfolio run's report for the loss functions. The report is the JSON the
 * portfolio seam returns; its trades are Freqtrade's export rows ({@code pair}, {@code open_timestamp},
 * {@code close_timestamp}, {@code profit_ratio}, {@code profit_abs}) under {@code trades}, at the top or under
 * {@code report}. A report without them is refused: a loss computed from nothing would silently rank every trial the same.
 */
public final class PortfolioTrades {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PortfolioTrades() {
    }

    public static TrialOutcome outcome(Object report, double startingBalance, long start, long end) {
        JsonNode root = JSON.valueToTree(report);
        JsonNode trades = root == null ? null : root.get("trades");
        if ((trades == null || !trades.isArray()) && root != null && root.get("report") != null) {
            trades = root.get("report").get("trades");
        }
        if (trades == null || !trades.isArray()) {
            throw new IllegalStateException("the portfolio run's report has no trades list (expected 'trades' with"
                    + " Freqtrade's export rows); cannot compute a loss");
        }
        List<TrialTrade> out = new ArrayList<>();
        int i = 0;
        for (JsonNode t : trades.values()) {
            String where = "trades[" + i++ + "]";
            out.add(new TrialTrade(text(t, "pair", where), number(t, "open_timestamp", where).longValue(),
                    number(t, "close_timestamp", where).longValue(), number(t, "profit_ratio", where).doubleValue(),
                    number(t, "profit_abs", where).doubleValue()));
        }
        return new TrialOutcome(out, startingBalance, start, end);
    }

    private static String text(JsonNode t, String key, String where) {
        JsonNode n = t.get(key);
        if (n == null || !n.isString()) throw new IllegalStateException(where + "." + key + ": missing or not text");
        return n.asString();
    }

    private static Number number(JsonNode t, String key, String where) {
        JsonNode n = t.get(key);
        if (n == null || !n.isNumber()) throw new IllegalStateException(where + "." + key + ": missing or not a number");
        return n.numberValue();
    }
}
