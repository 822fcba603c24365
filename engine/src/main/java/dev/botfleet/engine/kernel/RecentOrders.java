package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.Order;

/**
 * The last closed orders of a bot, oldest dropped first, so a fill that races a cancel still finds its order. A ring
 * of {@code capacity} slots searched by hash: every closed order is put here but few are looked up again, and a hash
 * map's put and eviction touched the entries of orders closed long before (a cache miss each, thousands per backtest).
 * Behaves as an insertion-ordered map that drops its eldest entry beyond {@code capacity}: putting a known id replaces
 * its order in place.
 */
final class RecentOrders {
    /**
     * Closed orders a bot keeps when a venue fills it: a venue's fill can arrive after the bot canceled many orders
     * (a grid stopped with all its levels), and a fill for a forgotten order is not booked.
     */
    static final int VENUE = 256;
    /**
     * Closed orders a bot keeps when its exchange matches in process (paper, backtests): the fills are its own turns'
     * matching, so a fill never trails its order's close by more than a few orders; and 10,000 paper bots keeping 256
     * each (with their exchanges' own closed orders) filled most of a 2 GB heap (docs/fleet-scale.md, 2026-12-05).
     * 8 rather than 32: a kept order lives for minutes in a trading fleet, and young collections copy it again and again
     * (docs/fleet-scale.md, "Closed orders kept for minutes").
     */
    static final int SIMULATED = 8;

    private final String[] ids;
    private final int[] hashes;
    private final Order[] orders;
    /** The slot the next new id goes to: the eldest entry's, once the ring is full. */
    private int next;
    private int size;

    RecentOrders(int capacity) {
        ids = new String[capacity];
        hashes = new int[capacity];
        orders = new Order[capacity];
    }

    Order get(String clientOrderId) {
        int i = indexOf(clientOrderId);
        return i < 0 ? null : orders[i];
    }

    void put(String clientOrderId, Order order) {
        int i = indexOf(clientOrderId);
        if (i >= 0) {
            orders[i] = order;
            return;
        }
        ids[next] = clientOrderId;
        hashes[next] = clientOrderId.hashCode();
        orders[next] = order;
        next = next + 1 == ids.length ? 0 : next + 1;
        if (size < ids.length) size++;
    }

    int size() {
        return size;
    }

    private int indexOf(String clientOrderId) {
        int hash = clientOrderId.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && ids[i].equals(clientOrderId)) return i;
        }
        return -1;
    }
}
