package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.PositionSnapshot;

import java.util.ArrayList;
import java.util.List;

/** Journal and listener for tests: remembers everything, in order. */
public final class Recorder implements OrderJournal, KernelListener {
    public final List<String> journal = new ArrayList<>();
    public final List<OrderSnapshot> orders = new ArrayList<>();
    public final List<Fill> fills = new ArrayList<>();
    public final List<ActivityEntry> activity = new ArrayList<>();
    public final List<Deal> deals = new ArrayList<>();
    public final List<String> stops = new ArrayList<>();
    /** Every order update the listener was told of, as "EventName id STATUS". */
    public final List<String> updates = new ArrayList<>();

    @Override
    public void recordNew(OrderSnapshot order) {
        journal.add("new " + order.clientOrderId() + " " + order.status());
        orders.add(order);
    }

    @Override
    public void recordEvent(OrderSnapshot order, OrderEvent event) {
        journal.add(event.getClass().getSimpleName() + " " + order.clientOrderId() + " " + order.status());
        orders.add(order);
    }

    @Override
    public void recordFill(OrderSnapshot order, Fill fill) {
        journal.add("fill " + order.clientOrderId() + " " + fill.quantity().toPlainString() + "@"
                + fill.price().toPlainString() + " " + order.status());
        orders.add(order);
        fills.add(fill);
    }

    @Override public void onOrderUpdated(OrderSnapshot order, OrderEvent event) {
        updates.add(event.getClass().getSimpleName() + " " + order.clientOrderId() + " " + order.status());
    }

    @Override public void onActivity(ActivityEntry entry) { activity.add(entry); }

    @Override public void onDealCompleted(Deal deal) { deals.add(deal); }

    @Override public void onStopped(String reason, boolean error) { stops.add((error ? "error: " : "") + reason); }

    public List<String> messages() {
        return activity.stream().map(ActivityEntry::message).toList();
    }

    /** The latest journaled snapshot of each order, in first-seen order: what a DB would hold. */
    public List<OrderSnapshot> latestOrders() {
        java.util.Map<String, OrderSnapshot> latest = new java.util.LinkedHashMap<>();
        for (OrderSnapshot o : orders) latest.put(o.clientOrderId(), o);
        return new ArrayList<>(latest.values());
    }
}
