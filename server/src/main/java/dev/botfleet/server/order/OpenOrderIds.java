package dev.botfleet.server.order;

import dev.botfleet.engine.order.ClientOrderIds;
import dev.botfleet.engine.order.OrderSnapshot;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the journal knows of a bot's orders for its flat point: the client order ids that may still be open, and the
 * sequence the bot's next order will have at least. A start from the flat point looks up only these ids and the
 * ids of orders placed after it, so the set must never miss an open order: an id leaves it only once a terminal
 * state of its order is stored. An id too many costs one lookup.
 */
final class OpenOrderIds {
    private final Set<String> ids = new LinkedHashSet<>();
    private long nextSequence;

    OpenOrderIds(Collection<String> open, long nextSequence) {
        ids.addAll(open);
        this.nextSequence = nextSequence;
    }

    /** {@code order}'s state was stored (or queued for its commit, written behind). */
    void stored(OrderSnapshot order) {
        if (order.status().isTerminal()) ids.remove(order.clientOrderId());
        else ids.add(order.clientOrderId());
        nextSequence = Math.max(nextSequence, ClientOrderIds.sequenceOf(order.clientOrderId()) + 1);
    }

    /** The ids once {@code order}'s state (being stored in the caller's transaction) is stored. */
    List<String> idsAfter(OrderSnapshot order) {
        Set<String> after = new LinkedHashSet<>(ids);
        if (order.status().isTerminal()) after.remove(order.clientOrderId());
        else after.add(order.clientOrderId());
        return List.copyOf(after);
    }

    long nextSequence() {
        return nextSequence;
    }
}
