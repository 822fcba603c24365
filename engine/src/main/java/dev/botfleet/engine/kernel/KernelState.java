package dev.botfleet.engine.kernel;

import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSnapshot;

import java.util.List;

/**
 * What a restarted kernel is rebuilt from, all read back from the journal.
 *
 * @param nextSequence the client-order sequence to use next (max journaled sequence + 1)
 * @param openOrders orders not in a terminal state (SUBMITTED, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL)
 * @param fills every fill of the bot, oldest first: replayed, they rebuild the position and any open deal
 * @param funding every funding settlement of the bot (perpetuals), oldest first: replayed into realized PnL
 */
public record KernelState(long nextSequence, List<OrderSnapshot> openOrders, List<Fill> fills,
                          List<FundingPayment> funding) {

    public static final KernelState EMPTY = new KernelState(1, List.of(), List.of());

    public KernelState {
        openOrders = List.copyOf(openOrders);
        fills = List.copyOf(fills);
        funding = List.copyOf(funding);
    }

    /** A spot bot's state (no funding). */
    public KernelState(long nextSequence, List<OrderSnapshot> openOrders, List<Fill> fills) {
        this(nextSequence, openOrders, fills, List.of());
    }
}
