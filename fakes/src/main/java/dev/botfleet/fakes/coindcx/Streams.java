package dev.botfleet.fakes.coindcx;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.perp.PerpLedger;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the engine does, as CoinDCX's channels tell it (docs, Futures Sockets). Public: {@code new-trade}
 * {T,RT,p,q,m,s,pr:"f"} on {@code <pair>@trades-futures}, {@code price-change} {T,p,pr} on
 * {@code <pair>@prices-futures}, {@code candlestick} on {@code <pair>_1m-futures} for the candle forming after every
 * trade, and once more when its minute has ended ({@link #closeCandles}, with Ets after its close). Private
 * ({@code coindcx}): {@code df-order-update} with the order and all its {@code trades} (the element shape is not
 * documented: the Get Trades row is used), {@code df-position-update} after a fill, {@code balance-update} when the
 * wallet moves. Each payload sits in {@code data}, an array for the private events.
 */
final class Streams implements MatchingEngine.Listener {
    private final MatchingEngine engine;
    private final PerpLedger ledger;
    private final SocketIoServer server;
    private final OrderRoutes orders;
    private final Faults faults;
    private final LongSupplier clock;
    private final Map<String, Long> openCandle = new ConcurrentHashMap<>();
    private final List<Runnable> held = new ArrayList<>();

    Streams(MatchingEngine engine, PerpLedger ledger, SocketIoServer server, OrderRoutes orders, Faults faults,
            LongSupplier clock) {
        this.engine = engine;
        this.ledger = ledger;
        this.server = server;
        this.orders = orders;
        this.faults = faults;
        this.clock = clock;
    }

    @Override
    public void onPublicTrade(FakeMarket market, long tradeId, BigDecimal price, BigDecimal quantity,
                              boolean buyerMaker, long time) {
        ObjectNode t = Json.object();
        t.put("T", time);
        t.put("RT", time);
        t.put("p", price.toPlainString());
        t.put("q", quantity.toPlainString());
        t.put("m", buyerMaker ? 1 : 0);
        t.put("s", market.venueSymbol);
        t.put("pr", "f");
        server.emit(market.venueSymbol + "@trades-futures", null, "new-trade", data(t));
        ObjectNode p = Json.object();
        p.put("T", time);
        p.put("p", price.toPlainString());
        p.put("pr", "f");
        server.emit(market.venueSymbol + "@prices-futures", null, "price-change", data(p));
        long open = time - Math.floorMod(time, 60_000L);
        openCandle.put(market.venueSymbol, open);
        candle(market.venueSymbol, open, time);
    }

    /** Sends the final state of every candle whose minute has ended by the venue's clock. */
    void closeCandles() {
        long now = clock.getAsLong();
        for (var e : Map.copyOf(openCandle).entrySet()) {
            if (e.getValue() + 60_000 <= now && openCandle.remove(e.getKey(), e.getValue())) {
                candle(e.getKey(), e.getValue(), now);
            }
        }
    }

    private void candle(String pair, long open, long eventTime) {
        List<Object[]> rows = engine.klines(pair, open, open + 60_000, 1);
        if (rows.isEmpty()) return;
        Object[] c = rows.getFirst();
        ObjectNode msg = Json.object();
        ObjectNode row = msg.putArray("data").addObject();
        row.put("open", ((BigDecimal) c[1]).toPlainString());
        row.put("close", ((BigDecimal) c[4]).toPlainString());
        row.put("high", ((BigDecimal) c[2]).toPlainString());
        row.put("low", ((BigDecimal) c[3]).toPlainString());
        row.put("volume", ((BigDecimal) c[5]).toPlainString());
        row.put("open_time", open / 1000);
        row.put("close_time", new BigDecimal(open + 59_999).movePointLeft(3));
        row.put("pair", pair);
        row.put("duration", "1m");
        row.put("symbol", pair.substring(2).replace("_", ""));
        row.put("quote_volume", "0");
        msg.put("Ets", eventTime);
        msg.put("i", "1m");
        msg.put("channel", pair + "_1m-futures");
        msg.put("pr", "futures");
        server.emit(pair + "_1m-futures", null, "candlestick", Json.write(msg));
    }

    @Override
    public void onOrder(FakeOrder order, FakeTrade trade) {
        ObjectNode row;
        synchronized (engine) {
            String id = orders.id(order);
            row = Views.order(order, id, orders.extra(order), false);
            ArrayNode trades = row.putArray("trades");
            for (FakeTrade t : order.trades) trades.add(Views.trade(t, id));
        }
        String payload = "{\"data\":[" + Json.write(row) + "]}";
        Runnable send = () -> server.emit(SocketIoServer.PRIVATE, order.account, "df-order-update", payload);
        if (trade != null && faults.take(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
            synchronized (held) {
                held.add(send);
                if (!faults.armed(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
                    for (int i = held.size() - 1; i >= 0; i--) held.get(i).run();
                    held.clear();
                }
            }
            return;
        }
        send.run();
        if (trade != null && faults.take(Faults.Kind.DUPLICATE_EXECUTION_REPORTS)) send.run();
        if (trade != null) position(order.account, order.market.venueSymbol);
    }

    private void position(FakeAccount account, String pair) {
        ObjectNode row = Views.position(AccountRoutes.positionId(account, pair), ledger.position(account, pair),
                ledger.markPrice(pair), ledger.orderMargin(account, pair), clock.getAsLong());
        server.emit(SocketIoServer.PRIVATE, account, "df-position-update", "{\"data\":[" + Json.write(row) + "]}");
    }

    @Override
    public void onBalance(FakeAccount account, String asset) {
        if (!"USDT".equals(asset)) return;
        ObjectNode row = Views.wallet(AccountRoutes.walletId(account), asset, account.free(asset), account.locked(asset));
        server.emit(SocketIoServer.PRIVATE, account, "balance-update", "{\"data\":[" + Json.write(row) + "]}");
    }

    private static String data(ObjectNode payload) { return "{\"data\":" + Json.write(payload) + "}"; }
}
