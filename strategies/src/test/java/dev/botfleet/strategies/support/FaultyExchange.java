package dev.botfleet.strategies.support;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.sim.SimExchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The simulated exchange with the misbehaviour of a real one on demand: it can reject an order the sim would accept,
 * and hold back its reports (fills, cancels) the way a live exchange delivers them later, between trades, through the
 * bot's mailbox. Untouched, it is the simulated exchange.
 */
public final class FaultyExchange implements ExchangePort, MarketDataListener {
    private final SimExchange sim;
    private final List<Predicate<OrderSnapshot>> rejections = new ArrayList<>();
    private final List<OrderEvent> held = new ArrayList<>();
    private Predicate<OrderEvent> holding = e -> false;
    private ExecutionListener listener = e -> { };

    public FaultyExchange(SimExchange sim) {
        this.sim = sim;
    }

    public ExchangePort connect(ExecutionListener listener) {
        this.listener = listener;
        sim.connect(this::report);
        return this;
    }

    /** The next order that matches is rejected by the exchange (once), as if for a reason the bot could not check. */
    public void rejectNext(Predicate<OrderSnapshot> which) {
        rejections.add(which);
    }

    /** From now on, reports that match are held back until {@link #release()}. */
    public void hold(Predicate<OrderEvent> which) {
        holding = which;
    }

    /** Stops holding and hands over what was held, oldest first, for the kernel's {@code onOrderEvent}. */
    public List<OrderEvent> release() {
        holding = e -> false;
        List<OrderEvent> out = List.copyOf(held);
        held.clear();
        return out;
    }

    private void report(OrderEvent event) {
        if (holding.test(event)) held.add(event);
        else listener.onOrderEvent(event);
    }

    @Override
    public String exchange() { return sim.exchange(); }

    @Override
    public void submit(OrderSnapshot order) {
        for (Predicate<OrderSnapshot> r : rejections) {
            if (r.test(order)) {
                rejections.remove(r);
                listener.onOrderEvent(new OrderEvent.OrderRejected(order.clientOrderId(), "rejected by the exchange",
                        order.updatedAt()));
                return;
            }
        }
        sim.submit(order);
    }

    @Override
    public void cancel(String clientOrderId) { sim.cancel(clientOrderId); }

    @Override
    public Optional<OrderReport> query(String clientOrderId) { return sim.query(clientOrderId); }

    @Override
    public Optional<Balance> balance(String asset) { return sim.balance(asset); }

    @Override
    public void onTick(Tick tick) { sim.onTick(tick); }

    @Override
    public void onCandle(Candle candle) { sim.onCandle(candle); }
}
