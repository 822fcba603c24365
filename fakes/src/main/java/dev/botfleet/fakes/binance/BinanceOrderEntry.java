package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeOrder.Side;
import dev.botfleet.fakes.FakeOrder.TimeInForce;
import dev.botfleet.fakes.FakeOrder.Type;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.MatchingEngine.Refused;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * New order, cancel and query order (rest-api.md "Trading endpoints"), validated the way Binance validates them and
 * executed by the matching engine, whose refusals become Binance's documented codes and messages (errors.md).
 */
final class BinanceOrderEntry {
    /** Spot client order ids (fix-api.md; the -1100 message Binance returns for a bad newClientOrderId). */
    static final String CLIENT_ID_RULE = "^[a-zA-Z0-9-_]{1,36}$";
    private static final Pattern CLIENT_ID = Pattern.compile("[a-zA-Z0-9_-]{1,36}");
    private static final String DECIMAL_RULE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    private static final Pattern DECIMAL = Pattern.compile("([0-9]{1,20})(\\.[0-9]{1,20})?");
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MatchingEngine engine;
    private final LongSupplier clock;
    private final Faults faults;
    private final BinanceUserStreams userStreams;

    BinanceOrderEntry(MatchingEngine engine, LongSupplier clock, Faults faults, BinanceUserStreams userStreams) {
        this.engine = engine;
        this.clock = clock;
        this.faults = faults;
        this.userStreams = userStreams;
    }

    Response place(Map<String, String> p, FakeAccount account) {
        FakeMarket market = p.get("symbol") == null ? null : engine.market(p.get("symbol"));
        if (market == null) return BinanceJson.error(400, -1121, "Invalid symbol.");
        Side side;
        try {
            side = Side.valueOf(String.valueOf(p.get("side")));
        } catch (IllegalArgumentException e) {
            return BinanceJson.error(400, -1117, "Invalid side.");
        }
        String type = String.valueOf(p.get("type"));
        if (!Set.of("LIMIT", "MARKET", "LIMIT_MAKER").contains(type)) {
            // STOP_LOSS, TAKE_PROFIT, ... exist at Binance; this fake does not execute them.
            return BinanceJson.error(400, -1116, "Invalid orderType.");
        }
        String clientId = p.get("newClientOrderId");
        if (clientId == null) {
            clientId = randomId();
        } else if (!CLIENT_ID.matcher(clientId).matches()) {
            return illegal("newClientOrderId", CLIENT_ID_RULE);
        }
        Response bad = checkDecimal(p, "quantity", true);
        if (bad != null) return bad;
        BigDecimal quantity = new BigDecimal(p.get("quantity"));
        BigDecimal price = null;
        TimeInForce tif;
        switch (type) {
            case "LIMIT" -> {
                if ((bad = checkDecimal(p, "price", true)) != null) return bad;
                price = new BigDecimal(p.get("price"));
                String t = p.get("timeInForce");
                if (t == null) return mandatory("timeInForce");
                if (!Set.of("GTC", "IOC", "FOK").contains(t)) return BinanceJson.error(400, -1115, "Invalid timeInForce.");
                tif = TimeInForce.valueOf(t);
            }
            case "LIMIT_MAKER" -> {
                if ((bad = checkDecimal(p, "price", true)) != null) return bad;
                if (p.containsKey("timeInForce")) return notRequired("timeInForce");
                price = new BigDecimal(p.get("price"));
                tif = TimeInForce.POST_ONLY;
            }
            default -> {
                if (p.containsKey("price")) return notRequired("price");
                if (p.containsKey("timeInForce")) return notRequired("timeInForce");
                tif = TimeInForce.GTC;
            }
        }
        if (quantity.stripTrailingZeros().scale() > 8) return tooPrecise("quantity");
        if (price != null && price.stripTrailingZeros().scale() > 8) return tooPrecise("price");
        if (price != null && price.signum() <= 0) return BinanceJson.error(400, -1013, "Filter failure: PRICE_FILTER");
        String respType = p.getOrDefault("newOrderRespType", "FULL");
        if (!Set.of("ACK", "RESULT", "FULL").contains(respType)) {
            return BinanceJson.error(400, -1130, "Data sent for parameter 'newOrderRespType' is not valid.");
        }
        FakeOrder order;
        try {
            order = engine.place(account, market.venueSymbol, clientId, side,
                    type.equals("MARKET") ? Type.MARKET : Type.LIMIT, tif, price, quantity);
        } catch (Refused refused) {
            return refusal(refused);
        }
        if (faults.take(Faults.Kind.LOSE_PLACE_ANSWER)) return FakeHttp.DROP;
        return BinanceJson.ok(BinanceJson.placed(order, respType, order.createdAt));
    }

    Response cancel(Map<String, String> p, FakeAccount account) {
        FakeMarket market = p.get("symbol") == null ? null : engine.market(p.get("symbol"));
        if (market == null) return BinanceJson.error(400, -1121, "Invalid symbol.");
        String orig = p.get("origClientOrderId");
        Long orderId = p.containsKey("orderId") ? Long.parseLong(p.get("orderId")) : null;
        if (orig == null && orderId == null) {
            return BinanceJson.error(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        if (orderId != null && orig != null) {
            // Both sent: the order is found by id, then its client id must match (rest-api.md, cancel order notes).
            FakeOrder byId = engine.find(account, market.venueSymbol, null, orderId);
            if (byId == null || !orig.equals(byId.clientOrderId)) return BinanceJson.error(400, -2011, "Unknown order sent.");
        }
        String cancelId = p.getOrDefault("newClientOrderId", randomId());
        FakeOrder order;
        try {
            // The cancel's own client id goes into the executionReport ("c"), the original one into "C".
            order = userStreams.withCancelId(cancelId, () -> engine.cancel(account, market.venueSymbol,
                    orderId == null ? orig : null, orderId));
        } catch (Refused refused) {
            return BinanceJson.error(400, -2011, "Unknown order sent.");
        }
        return BinanceJson.ok(BinanceJson.canceled(order, cancelId, clock.getAsLong()));
    }

    Response query(Map<String, String> p, FakeAccount account) {
        FakeMarket market = p.get("symbol") == null ? null : engine.market(p.get("symbol"));
        if (market == null) return BinanceJson.error(400, -1121, "Invalid symbol.");
        String orig = p.get("origClientOrderId");
        Long orderId = p.containsKey("orderId") ? Long.parseLong(p.get("orderId")) : null;
        if (orig == null && orderId == null) {
            return BinanceJson.error(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        FakeOrder order = engine.find(account, market.venueSymbol, orderId == null ? orig : null, orderId);
        if (order == null) return BinanceJson.error(400, -2013, "Order does not exist.");
        if (orderId != null && orig != null && !orig.equals(order.clientOrderId)) {
            return BinanceJson.error(400, -2039, "Client order ID is not correct for this order ID.");
        }
        return BinanceJson.ok(BinanceJson.order(order));
    }

    /** The matching engine's refusal in Binance's words (errors.md, "Messages for -1010, -2010, -2011"; filter failures). */
    static Response refusal(Refused refused) {
        return switch (refused.refusal) {
            case UNKNOWN_SYMBOL -> BinanceJson.error(400, -1121, "Invalid symbol.");
            case MARKET_CLOSED -> BinanceJson.error(400, -2010, "Market is closed.");
            case PRICE_FILTER -> BinanceJson.error(400, -1013, "Filter failure: PRICE_FILTER");
            case LOT_SIZE, MIN_QUANTITY -> BinanceJson.error(400, -1013, "Filter failure: LOT_SIZE");
            case MIN_NOTIONAL -> BinanceJson.error(400, -1013, "Filter failure: NOTIONAL");
            case INSUFFICIENT_BALANCE ->
                    BinanceJson.error(400, -2010, "Account has insufficient balance for requested action.");
            case DUPLICATE_CLIENT_ID -> BinanceJson.error(400, -2010, "Duplicate order sent.");
            case WOULD_TAKE -> BinanceJson.error(400, -2010, "Order would immediately match and take.");
            case UNKNOWN_ORDER -> BinanceJson.error(400, -2011, "Unknown order sent.");
            case NO_TRADE_PERMISSION -> BinanceJson.error(400, -2010, "This account may not place or cancel orders.");
        };
    }

    private static Response checkDecimal(Map<String, String> p, String name, boolean required) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) return required ? mandatory(name) : null;
        return DECIMAL.matcher(value).matches() ? null : illegal(name, DECIMAL_RULE);
    }

    private static Response mandatory(String name) {
        return BinanceJson.error(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    private static Response notRequired(String name) {
        return BinanceJson.error(400, -1106, "Parameter '" + name + "' sent when not required.");
    }

    private static Response illegal(String name, String rule) {
        return BinanceJson.error(400, -1100, "Illegal characters found in parameter '" + name + "'; legal range is '"
                + rule + "'.");
    }

    private static Response tooPrecise(String name) {
        return BinanceJson.error(400, -1111, "Parameter '" + name + "' has too much precision.");
    }

    /** Binance's own ids are 22 random alphanumerics. */
    static String randomId() {
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) id.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        return id.toString();
    }
}
