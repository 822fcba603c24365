package dev.botfleet.fakes.coinbase;

import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.MatchingEngine;
import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * The market-data socket (wss://advanced-trade-ws.coinbase.com): channels market_trades (each public trade),
 * ticker (last price and best bid/ask after each trade), candles (the five-minute candle the trade fell in, as
 * Coinbase's candles channel only has five-minute candles) and heartbeats. No key needed.
 */
final class MarketStream implements FakeWs.Handler, MatchingEngine.Listener {
    static final Set<String> CHANNELS = Set.of("market_trades", "ticker", "candles", "heartbeats", "status",
            "ticker_batch", "level2");
    private static final long FIVE_MINUTES = 300_000;

    private final MatchingEngine engine;
    private final Subscriptions subs;
    private final ScheduledExecutorService timer;

    MarketStream(MatchingEngine engine, LongSupplier clock, ScheduledExecutorService timer) {
        this.engine = engine;
        this.timer = timer;
        this.subs = new Subscriptions(clock, timer);
    }

    @Override
    public void onOpen(WebSocket socket, String path) { subs.opened(socket, timer); }

    @Override
    public void onClose(WebSocket socket) { subs.closed(socket); }

    @Override
    public void onMessage(WebSocket socket, String text) {
        JsonNode msg;
        try {
            msg = CbJson.parse(text);
        } catch (RuntimeException e) {
            Subscriptions.error(socket, "malformed message");
            return;
        }
        String type = msg.path("type").asString("");
        String channel = msg.path("channel").asString("");
        if (!CHANNELS.contains(channel)) {
            Subscriptions.error(socket, "Failed to subscribe: unknown channel " + channel);
            return;
        }
        if (type.equals("subscribe")) subs.subscribe(socket, channel, msg.path("product_ids"));
        else if (type.equals("unsubscribe")) subs.unsubscribe(socket, channel);
        else Subscriptions.error(socket, "type must be subscribe or unsubscribe");
    }

    @Override
    public void onPublicTrade(FakeMarket market, long tradeId, BigDecimal price, BigDecimal quantity,
                              boolean buyerMaker, long time) {
        String product = market.venueSymbol;
        ObjectNode trade = CbJson.object();
        trade.put("trade_id", Long.toString(tradeId));
        trade.put("product_id", product);
        trade.put("price", CbJson.num(price));
        trade.put("size", CbJson.num(quantity));
        trade.put("side", buyerMaker ? "SELL" : "BUY");
        trade.put("time", CbJson.time(time));
        ObjectNode tradesEvent = CbJson.object();
        tradesEvent.put("type", "update");
        tradesEvent.putArray("trades").add(trade);
        for (WebSocket c : subs.subscribers("market_trades", product)) subs.send(c, "market_trades", List.of(tradesEvent));

        ObjectNode ticker = CbJson.object();
        ticker.put("type", "ticker");
        ticker.put("product_id", product);
        ticker.put("price", CbJson.num(price));
        ticker.put("best_bid", CbJson.num(engine.bid(product)));
        ticker.put("best_bid_quantity", "1");
        ticker.put("best_ask", CbJson.num(engine.ask(product)));
        ticker.put("best_ask_quantity", "1");
        ObjectNode tickerEvent = CbJson.object();
        tickerEvent.put("type", "update");
        tickerEvent.putArray("tickers").add(ticker);
        for (WebSocket c : subs.subscribers("ticker", product)) subs.send(c, "ticker", List.of(tickerEvent));

        long bucket = time - Math.floorMod(time, FIVE_MINUTES);
        List<Object[]> minutes = engine.klines(product, bucket, bucket + FIVE_MINUTES, 5);
        if (minutes.isEmpty()) return;
        BigDecimal high = null;
        BigDecimal low = null;
        BigDecimal volume = BigDecimal.ZERO;
        for (Object[] m : minutes) {
            high = high == null ? (BigDecimal) m[2] : high.max((BigDecimal) m[2]);
            low = low == null ? (BigDecimal) m[3] : low.min((BigDecimal) m[3]);
            volume = volume.add((BigDecimal) m[5]);
        }
        ObjectNode candle = CbJson.object();
        candle.put("start", Long.toString(bucket / 1000));
        candle.put("high", CbJson.num(high));
        candle.put("low", CbJson.num(low));
        candle.put("open", CbJson.num((BigDecimal) minutes.getFirst()[1]));
        candle.put("close", CbJson.num((BigDecimal) minutes.getLast()[4]));
        candle.put("volume", CbJson.num(volume));
        candle.put("product_id", product);
        ObjectNode candleEvent = CbJson.object();
        candleEvent.put("type", "update");
        candleEvent.putArray("candles").add(candle);
        for (WebSocket c : subs.subscribers("candles", product)) subs.send(c, "candles", List.of(candleEvent));
    }
}
