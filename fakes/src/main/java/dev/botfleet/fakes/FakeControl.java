package dev.botfleet.fakes;

import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.telegram.ChatLog;
import dev.botfleet.fakes.telegram.FakeTelegram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Map;

/**
 * TEST ONLY. An unsigned control API for a fake venue, for tests that run the fake in another process (the browser
 * test): it lets them play the rest of the market and look at what the venue holds. No real venue has anything like
 * it, and no adapter may call it. It lives on the fake's REST server under {@code /_fake/}, which listens on
 * 127.0.0.1 only, and it refuses any caller that is not on a loopback address (403). A fake answers it only once
 * {@link #install} was called ({@link FakeVenueMain} does).
 *
 * <ul>
 *   <li>{@code POST /_fake/trade {"symbol": "BTCUSDT", "price": "49990.00", "quantity": "0.01"}} — someone else
 *       trades on the market ({@link MatchingEngine#printTrade}): resting orders it reaches fill. Answers
 *       {@code {"symbol", "lastPrice"}}; 400 for a missing or bad field or an unknown symbol (the venue's name).</li>
 *   <li>{@code GET /_fake/orders[?prefix=<client id prefix>]} — {@code {"acceptedClientIds": [...], "orders": [...]}}:
 *       every client order id the venue ever accepted, in order (duplicates included, should one ever happen), and
 *       the standard account's orders with {@code clientOrderId, orderId, symbol, side, type, price, quantity, status,
 *       executedQuantity} and their {@code trades: [{id, price, qty, commission, commissionAsset}]}; both filtered to
 *       client ids starting with {@code prefix} when given.</li>
 *   <li>{@code GET /_fake/balances} — {@code {"apiKey", "balances": [{asset, free, locked}]}} of the standard
 *       account.</li>
 * </ul>
 * Decimals are strings, as the venues send them.
 *
 * <p>For the fake Telegram Bot API ({@link #installTelegram}), under the same prefix and loopback rule:
 * <ul>
 *   <li>{@code POST /_fake/telegram/say {"chatId": 42, "text": "/start K7Q2M9XD"}} — the user of that private chat
 *       sends the text ({@link FakeTelegram#userSays}); answers {@code {"updateId"}}.</li>
 *   <li>{@code GET /_fake/telegram/messages?chatId=42} — {@code {"messages": [{messageId, text}]}}: what the bot sent
 *       to that chat, in order.</li>
 * </ul>
 */
public final class FakeControl {
    public static final String PREFIX = "/_fake/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeVenue venue;

    private FakeControl(FakeVenue venue) {
        this.venue = venue;
    }

    /** Adds the /_fake/ routes to the venue's REST server. */
    public static FakeControl install(FakeVenue venue) {
        FakeControl control = new FakeControl(venue);
        venue.http()
                .route("POST", PREFIX + "trade", loopbackOnly(control::trade))
                .route("GET", PREFIX + "orders", loopbackOnly(control::orders))
                .route("GET", PREFIX + "balances", loopbackOnly(control::balances));
        return control;
    }

    /** Adds the /_fake/telegram/ routes to the fake Telegram Bot API's server. */
    public static void installTelegram(FakeTelegram telegram) {
        telegram.http()
                .route("POST", PREFIX + "telegram/say", loopbackOnly(request -> telegramSay(telegram, request)))
                .route("GET", PREFIX + "telegram/messages", loopbackOnly(request -> telegramMessages(telegram, request)));
    }

    static Response telegramSay(FakeTelegram telegram, Request request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (RuntimeException e) {
            return error(400, "body must be JSON {chatId, text}");
        }
        if (body == null || !body.isObject() || !body.path("chatId").isIntegralNumber() || text(body, "text") == null) {
            return error(400, "body must be JSON {chatId: a number, text: a non-blank string}");
        }
        long updateId = telegram.userSays(body.get("chatId").asLong(), text(body, "text"));
        return Response.json(200, JSON.createObjectNode().put("updateId", updateId).toString());
    }

    static Response telegramMessages(FakeTelegram telegram, Request request) {
        long chatId;
        try {
            chatId = Long.parseLong(request.query().getOrDefault("chatId", ""));
        } catch (NumberFormatException e) {
            return error(400, "chatId must be a number");
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode messages = out.putArray("messages");
        for (ChatLog.Sent sent : telegram.chat(chatId).messages()) {
            messages.addObject().put("messageId", sent.messageId()).put("text", sent.text());
        }
        return Response.json(200, out.toString());
    }

    public static FakeHttp.Handler loopbackOnly(FakeHttp.Handler handler) {
        return request -> request.remote() != null && !request.remote().isLoopbackAddress()
                ? error(403, "the fake's control API answers loopback callers only")
                : handler.handle(request);
    }

    Response trade(Request request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (RuntimeException e) {
            return error(400, "body must be JSON {symbol, price, quantity}");
        }
        if (body == null || !body.isObject()) return error(400, "body must be JSON {symbol, price, quantity}");
        String symbol = text(body, "symbol");
        BigDecimal price = decimal(body, "price");
        BigDecimal quantity = decimal(body, "quantity");
        if (symbol == null) return error(400, "symbol is required (the venue's name, e.g. BTCUSDT)");
        if (price == null || price.signum() <= 0) return error(400, "price must be a positive decimal");
        if (quantity == null || quantity.signum() <= 0) return error(400, "quantity must be a positive decimal");
        MatchingEngine engine = venue.engine();
        FakeMarket market = engine.market(symbol);
        if (market == null) return error(400, "unknown symbol " + symbol);
        if (price.remainder(market.tickSize).signum() != 0) {
            return error(400, "price must be a multiple of the tick size " + market.tickSize.toPlainString());
        }
        price = price.setScale(Math.max(price.scale(), market.tickSize.scale()));
        engine.printTrade(symbol, price.toPlainString(), quantity.toPlainString());
        ObjectNode out = JSON.createObjectNode();
        out.put("symbol", symbol);
        out.put("lastPrice", engine.lastPrice(symbol).toPlainString());
        return Response.json(200, out.toString());
    }

    Response orders(Request request) {
        String prefix = request.query().getOrDefault("prefix", "");
        MatchingEngine engine = venue.engine();
        ObjectNode out = JSON.createObjectNode();
        ArrayNode ids = out.putArray("acceptedClientIds");
        ArrayNode orders = out.putArray("orders");
        FakeAccount account = engine.account(StandardSetup.API_KEY);
        synchronized (engine) {  // an order's fields are guarded by the engine's lock
            for (String id : engine.acceptedClientIds()) {
                if (id.startsWith(prefix)) ids.add(id);
            }
            if (account != null) {
                for (FakeOrder o : engine.orders(account)) {
                    if (o.clientOrderId == null ? !prefix.isEmpty() : !o.clientOrderId.startsWith(prefix)) continue;
                    ObjectNode n = orders.addObject();
                    n.put("clientOrderId", o.clientOrderId);
                    n.put("orderId", o.orderId);
                    n.put("symbol", o.market.venueSymbol);
                    n.put("side", o.side.name());
                    n.put("type", o.type.name());
                    n.put("price", o.price == null ? null : o.price.toPlainString());
                    n.put("quantity", o.quantity.toPlainString());
                    n.put("status", o.status.name());
                    n.put("executedQuantity", o.executedQuantity.toPlainString());
                    ArrayNode trades = n.putArray("trades");
                    for (FakeTrade t : o.trades) {
                        ObjectNode tn = trades.addObject();
                        tn.put("id", t.tradeId());
                        tn.put("price", t.price().toPlainString());
                        tn.put("qty", t.quantity().toPlainString());
                        tn.put("commission", t.commission().toPlainString());
                        tn.put("commissionAsset", t.commissionAsset());
                    }
                }
            }
        }
        return Response.json(200, out.toString());
    }

    Response balances(Request request) {
        FakeAccount account = venue.engine().account(StandardSetup.API_KEY);
        ObjectNode out = JSON.createObjectNode();
        out.put("apiKey", StandardSetup.API_KEY);
        ArrayNode balances = out.putArray("balances");
        if (account != null) {
            for (Map.Entry<String, BigDecimal[]> e : account.balances().entrySet()) {
                ObjectNode b = balances.addObject();
                b.put("asset", e.getKey());
                b.put("free", e.getValue()[0].toPlainString());
                b.put("locked", e.getValue()[1].toPlainString());
            }
        }
        return Response.json(200, out.toString());
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || !n.isValueNode() || n.isNull() || n.asString().isBlank() ? null : n.asString().trim();
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        String s = text(body, field);
        if (s == null) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Response error(int status, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("error", message);
        return Response.json(status, out.toString());
    }
}
