package dev.botfleet.engine.sim;

import java.util.Objects;

/**
 * The simulated exchange's orders by client order id: its working orders and the last closed ones (a second submit of
 * such an id changes nothing, and a query of it still answers; see {@link SimExchange}). A backtest sends thousands
 * and looks up each new id once, which in a {@code HashMap} means reading the entry of whatever older order shares its
 * bucket (a cache miss, an old object). Here the ids' hash codes sit in one dense array probed linearly (open
 * addressing, at most half full), so an absent id is told from the others without touching them.
 */
final class OrderIndex {
    /** 0 marks an empty slot: a stored hash is never 0 (see {@link #hash}). */
    private int[] hashes;
    private String[] ids;
    private SimOrder[] orders;
    private int size;
    /** 32 minus log2(capacity): the top bits of the scrambled hash pick the slot. */
    private int shift;

    OrderIndex() {
        allocate(64);
    }

    SimOrder get(String clientOrderId) {
        int h = hash(clientOrderId);
        int mask = hashes.length - 1;
        for (int i = slot(h); ; i = (i + 1) & mask) {
            int stored = hashes[i];
            if (stored == 0) return null;
            if (stored == h && ids[i].equals(clientOrderId)) return orders[i];
        }
    }

    boolean containsKey(String clientOrderId) {
        return get(clientOrderId) != null;
    }

    /** Adds the order, or replaces the one with the same id. */
    void put(String clientOrderId, SimOrder order) {
        Objects.requireNonNull(order, "order");
        if ((size + 1) * 2 > hashes.length) grow();
        int h = hash(clientOrderId);
        int mask = hashes.length - 1;
        for (int i = slot(h); ; i = (i + 1) & mask) {
            int stored = hashes[i];
            if (stored == 0) {
                hashes[i] = h;
                ids[i] = clientOrderId;
                orders[i] = order;
                size++;
                return;
            }
            if (stored == h && ids[i].equals(clientOrderId)) {
                orders[i] = order;
                return;
            }
        }
    }

    /** Forgets the order with this id, if any. */
    void remove(String clientOrderId) {
        int h = hash(clientOrderId);
        int mask = hashes.length - 1;
        int hole = slot(h);
        for (; ; hole = (hole + 1) & mask) {
            int stored = hashes[hole];
            if (stored == 0) return;
            if (stored == h && ids[hole].equals(clientOrderId)) break;
        }
        // Backward shift (no tombstones, so a lookup still stops at the first empty slot): each later entry of the run
        // that may sit at the hole — its own slot is not between the hole and where it is — moves into it.
        for (int j = (hole + 1) & mask; hashes[j] != 0; j = (j + 1) & mask) {
            int fromOwnSlot = (j - slot(hashes[j])) & mask;
            if (fromOwnSlot >= ((j - hole) & mask)) {
                hashes[hole] = hashes[j];
                ids[hole] = ids[j];
                orders[hole] = orders[j];
                hole = j;
            }
        }
        hashes[hole] = 0;
        ids[hole] = null;
        orders[hole] = null;
        size--;
    }

    int size() {
        return size;
    }

    private static int hash(String clientOrderId) {
        int h = clientOrderId.hashCode();
        return h == 0 ? 1 : h;
    }

    /** Fibonacci hashing: consecutive ids (consecutive hash codes) land far apart, so no long runs form. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        ids = new String[capacity];
        orders = new SimOrder[capacity];
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
    }

    private void grow() {
        int[] oldHashes = hashes;
        String[] oldIds = ids;
        SimOrder[] oldOrders = orders;
        allocate(hashes.length * 2);
        int mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            int h = oldHashes[j];
            if (h == 0) continue;
            int i = slot(h);
            while (hashes[i] != 0) i = (i + 1) & mask;
            hashes[i] = h;
            ids[i] = oldIds[j];
            orders[i] = oldOrders[j];
        }
    }
}
