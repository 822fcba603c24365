package dev.botfleet.engine.kernel;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.TickGrid;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.risk.RiskState;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.StrategyContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The strategy's view of its kernel. */
final class KernelContext implements StrategyContext {
    private final BotKernel k;
    /** The last price {@link #markPrice} converted, and what it gave: a submit and the fill after it ask at one price. */
    private double markedPrice = Double.NaN;
    private BigDecimal mark;

    KernelContext(BotKernel kernel) {
        this.k = kernel;
    }

    @Override public String botId() { return k.botId; }

    @Override public Instrument instrument() { return k.instrument; }

    @Override public Instant now() { return k.now(); }

    @Override public double lastPrice() { return k.lastPrice; }

    @Override public OrderSnapshot submit(OrderRequest request) { return k.submit(request); }

    @Override public boolean cancel(String clientOrderId) { return k.requestCancel(clientOrderId); }

    @Override
    public void cancelAll() {
        for (String id : new ArrayList<>(k.openOrders.keySet())) k.requestCancel(id);
    }

    @Override
    public List<OrderSnapshot> openOrders() {
        List<OrderSnapshot> list = new ArrayList<>(k.openOrders.size());
        for (Order o : k.openOrders.values()) list.add(o.snapshot());
        return list;
    }

    @Override public BigDecimal positionQuantity() { return k.position.quantity(); }

    @Override
    public PositionSnapshot position() {
        k.position.mark(markPrice());
        return k.position.snapshot();
    }

    @Override public Optional<Balance> balance(String asset) { return k.port.balance(asset); }

    @Override public void log(ActivityLevel level, String message) { k.activity(level, message); }

    @Override public void scheduleTimer(String name, Instant at) { k.timers.schedule(name, at.toEpochMilli()); }

    @Override public void cancelTimer(String name) { k.timers.cancel(name); }

    @Override public void done(String reason) { k.done(reason); }

    /** Last price as an exact decimal on the tick grid, or null before the first tick. */
    BigDecimal markPrice() {
        double last = k.lastPrice;
        if (Double.isNaN(last)) return null;
        if (mark == null || Double.doubleToRawLongBits(last) != Double.doubleToRawLongBits(markedPrice)) {
            mark = TickGrid.snap(last, k.instrument.tickSize());
            markedPrice = last;
        }
        return mark;
    }

    RiskState riskState() {
        int open = 0;
        BigDecimal buys = BigDecimal.ZERO;
        BigDecimal sells = BigDecimal.ZERO;
        for (Order o : k.openOrders.values()) {
            if (!o.status().isOpen()) continue;  // the order being checked is still INITIALIZED
            open++;
            if (o.side() == OrderSide.BUY) buys = buys.add(o.remainingQuantity());
            else sells = sells.add(o.remainingQuantity());
        }
        // A perpetual holds no base: both sides are checked against the free settle-asset margin.
        BigDecimal base = k.instrument.isPerpetual() ? null
                : k.port.balance(k.instrument.baseAsset()).map(Balance::available).orElse(null);
        BigDecimal quote = k.port.balance(k.instrument.marginAsset()).map(Balance::available).orElse(null);
        return new RiskState(k.position.quantity(), open, buys, sells, base, quote, markPrice(),
                k.margin == null ? null : k.margin.leverage());
    }
}
