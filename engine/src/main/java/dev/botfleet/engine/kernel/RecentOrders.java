package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.Order;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last closed orders of a bot, oldest dropped first, so a fill that races a cancel still finds its order. */
final class RecentOrders extends LinkedHashMap<String, Order> {
    private final int capacity;

    RecentOrders(int capacity) {
        super(16, 0.75f, false);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Order> eldest) {
        return size() > capacity;
    }
}
