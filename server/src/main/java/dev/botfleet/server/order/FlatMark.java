package dev.botfleet.server.order;

import dev.botfleet.engine.position.FlatPoint;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The journal's mark of where a spot bot last stood flat, kept on its positions row (V56): the fill that left it flat
 * (its order's client id and its trade id), the position there and the paper account's flows up to it.
 */
public record FlatMark(String clientOrderId, String tradeId, FlatPoint point, SpotFlows flows) {

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
