package dev.botfleet.engine.backtest.optimize;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished trial as one line of text:
 * {@code trial <index> <loss> <trades> <wins> <profitAbs> <profitTotal> <name>=<type>:<value>&...}, doubles in Java's
 * shortest round-trip form and every parameter with its type, so {@link #parse} gives back a trial equal to the one
 * {@link #format}ted, bit for bit. The checkpoint file is made of these lines, and a hyperopt spread over several
 * machines stores its trials so: a sampler fed the parsed trials proposes exactly what it would have proposed from
 * the originals.
 */
public final class TrialText {
    private TrialText() {
    }

    public static String format(Trial t) {
        Trial.Summary s = t.summary();
        return "trial " + t.index() + " " + t.loss() + " " + s.trades() + " " + s.wins() + " " + s.profitAbs() + " "
                + s.profitTotal() + " " + formatParams(t.params());
    }

    /** A trial's (or a proposal's) parameters alone: {@code <name>=<type>:<value>&...}, read back by {@link #parseParams}. */
    public static String formatParams(Map<String, Object> values) {
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!params.isEmpty()) params.append('&');
            params.append(encode(e.getKey())).append('=').append(formatValue(e.getKey(), e.getValue()));
        }
        return params.toString();
    }

    /** @throws IllegalArgumentException naming what is wrong with the text */
    public static Map<String, Object> parseParams(String text) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String pair : text.isEmpty() ? new String[0] : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("parameter '" + pair + "' has no '='");
            params.put(decode(pair.substring(0, eq)), parseValue(pair.substring(eq + 1)));
        }
        return params;
    }

    /** @throws IllegalArgumentException naming what is wrong with the line */
    public static Trial parse(String line) {
        String[] f = line.split(" ", -1);
        if (f.length != 8 || !f[0].equals("trial")) {
            throw new IllegalArgumentException("expected 'trial <index> <loss> <trades> <wins> <profitAbs> <profitTotal> <params>', found '" + line + "'");
        }
        int index = Integer.parseInt(f[1]);
        Map<String, Object> params = parseParams(f[7]);
        return new Trial(index, params, Double.parseDouble(f[2]), new Trial.Summary(Integer.parseInt(f[3]),
                Integer.parseInt(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
    }

    private static String formatValue(String name, Object v) {
        return switch (v) {
            case Integer i -> "i:" + i;
            case Long l -> "l:" + l;
            case Double d -> "d:" + d;
            case Boolean b -> "b:" + b;
            case String s -> "s:" + encode(s);
            default -> throw new IllegalArgumentException(name + ": value " + v + " of type " + v.getClass().getSimpleName()
                    + " cannot be checkpointed (String, Boolean, Integer, Long or Double)");
        };
    }

    private static Object parseValue(String text) {
        if (text.length() < 2 || text.charAt(1) != ':') throw new IllegalArgumentException("value '" + text + "' has no type prefix");
        String v = text.substring(2);
        return switch (text.charAt(0)) {
            case 'i' -> Integer.parseInt(v);
            case 'l' -> Long.parseLong(v);
            case 'd' -> Double.parseDouble(v);
            case 'b' -> switch (v) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("'" + v + "' is not a boolean");
            };
            case 's' -> decode(v);
            default -> throw new IllegalArgumentException("unknown value type '" + text.charAt(0) + "' in '" + text + "'");
        };
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static String decode(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }
}
