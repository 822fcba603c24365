package dev.botfleet.server.order;

import dev.botfleet.engine.position.FlatPoint;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The journal's mark of where a spot bot last stood flat, kept on its positions row (V56): the fill that left it flat
 * (its order's client id and its trade id), the position there and the paper account's flows up to it, and of its
 * orders then: those that may have been open, and the sequence the next one had at least. A start reads the fills after
 * the mark, and of the orders only these and the ones placed after it.
 *
 * @param openOrders    the client order ids of the orders that may have been open then (never fewer than were)
 * @param nextSequence  every order placed after the mark has a client order sequence of at least this
 */
public record FlatMark(String clientOrderId, String tradeId, FlatPoint point, SpotFlows flows, List<String> openOrders,
                       long nextSequence) {
    /** The most characters the stored list of open orders takes (a bot with more open orders writes no new mark). */
    static final int OPEN_ORDERS_TEXT = 4000;

    public FlatMark {
        openOrders = List.copyOf(openOrders);
    }

    /** The open orders as stored: client order ids separated by spaces. */
    String openOrdersText() {
        return String.join(" ", openOrders);
    }

    static List<String> parseOpenOrders(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split(" "));
    }

    /** Fees as stored: {@code USDT=0.123;BNB=0.01}, in the order first charged. */
    static String feesText(Map<String, BigDecimal> fees) {
        return fees.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining(";"));
    }

    static Map<String, BigDecimal> parseFees(String text) {
        Map<String, BigDecimal> fees = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) return fees;
        for (String entry : text.split(";")) {
            int eq = entry.lastIndexOf('=');
            fees.put(entry.substring(0, eq), new BigDecimal(entry.substring(eq + 1)));
        }
        return fees;
    }
}
