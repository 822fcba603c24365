package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSnapshot;

import java.util.List;

/**
 * What a restarted kernel is rebuilt from, all read back from the journal.
 *
 * @param nextSequence the client-order sequence to use next (max journaled sequence + 1)
 * @param openOrders orders not in a terminal state (SUBMITTED, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL)
 * @param fills every fill of the bot, oldest first: replayed, they rebuild the position and any open deal
 */
public record KernelState(long nextSequence, List<OrderSnapshot> openOrders, List<Fill> fills) {

    public static final KernelState EMPTY = new KernelState(1, List.of(), List.of());

    public KernelState {
        openOrders = List.copyOf(openOrders);
        fills = List.copyOf(fills);
    }
}
