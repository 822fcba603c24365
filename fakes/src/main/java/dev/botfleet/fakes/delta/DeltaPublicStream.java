package dev.botfleet.fakes.delta;

import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.delta.DeltaProducts.Product;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * wss://public-socket.india.delta.exchange with the channel names of the 17.04.26 changelog: {@code trades}
 * ({"type":"trades","sy","p","s" contracts,"r","t" µs,"ts" µs}) and {@code candlestick_1m} (the current candle after
 * every trade: {"type":"candlestick_1m","sy","o","h","l","c","v" contracts,"res":"1m","ts" µs}), plus {@code ticker}.
 */
final class DeltaPublicStream extends DeltaSockets implements MatchingEngine.Listener {
    private static final Set<String> CHANNELS = Set.of("trades", "candlestick_1m", "ticker", "mark_price");

    private final MatchingEngine engine;
    private final DeltaProducts products;

    DeltaPublicStream(MatchingEngine engine, DeltaProducts products, LongSupplier clock) {
        super(clock);
        this.engine = engine;
        this.products = products;
    }

    @Override
    Set<String> channels() { return CHANNELS; }

    @Override
    public void onPublicTrade(FakeMarket market, long tradeId, BigDecimal price, BigDecimal quantity,
                              boolean buyerMaker, long time) {
        Product p = products.bySymbol(market.venueSymbol);
        if (p == null) return;
        ObjectNode t = DeltaJson.object();
        t.put("type", "trades");
        t.put("sy", p.symbol());
        t.put("p", DeltaJson.num(price));
        t.put("s", quantity.divide(p.contractValue()));
        t.put("r", buyerMaker ? "m" : "t");
        t.put("t", time * 1000);
        t.put("ts", clock.getAsLong() * 1000);
        String trade = DeltaJson.write(t);
        String candle = candle(p, time);
        sessions.forEach((socket, s) -> {
            if (s.wants("trades", p.symbol())) send(socket, trade);
            if (candle != null && s.wants("candlestick_1m", p.symbol())) send(socket, candle);
        });
    }

    private String candle(Product p, long time) {
        long open = time - Math.floorMod(time, 60_000L);
        List<Object[]> k = engine.klines(p.symbol(), open, open + 60_000, 1);
        if (k.isEmpty()) return null;
        Object[] c = k.getFirst();
        ObjectNode n = DeltaJson.object();
        n.put("type", "candlestick_1m");
        n.put("sy", p.symbol());
        n.put("o", (BigDecimal) c[1]);
        n.put("h", (BigDecimal) c[2]);
        n.put("l", (BigDecimal) c[3]);
        n.put("c", (BigDecimal) c[4]);
        n.put("v", ((BigDecimal) c[5]).divide(p.contractValue()));
        n.put("res", "1m");
        n.put("ts", time * 1000);
        return DeltaJson.write(n);
    }
}
