package dev.botfleet.engine.kernel;

import dev.botfleet.engine.position.FlatPoint;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSnapshot;

import java.util.List;
import java.util.Map;

/**
 * What a restarted kernel is rebuilt from, all read back from the journal.
 *
 * @param nextSequence the client-order sequence to use next (max journaled sequence + 1)
 * @param openOrders orders not in a terminal state (SUBMITTED, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL)
 * @param fills the bot's fills after {@code flatPoint} (every fill when it is null), oldest first: replayed, they
 *              rebuild the position and any open deal
 * @param funding every funding settlement of the bot (perpetuals), oldest first: replayed into realized PnL
 * @param flatPoint where the bot last stood flat, or null to replay from its first fill
 * @param openOrderTradeIds the trade ids each open order already has, by client order id (so a fill reported again
 *              is not counted twice; those booked before {@code flatPoint} are not among {@code fills})
 */
public record KernelState(long nextSequence, List<OrderSnapshot> openOrders, List<Fill> fills,
                          List<FundingPayment> funding, FlatPoint flatPoint,
                          Map<String, List<String>> openOrderTradeIds) {

    public static final KernelState EMPTY = new KernelState(1, List.of(), List.of());

    public KernelState {
        openOrders = List.copyOf(openOrders);
        fills = List.copyOf(fills);
        funding = List.copyOf(funding);
        openOrderTradeIds = Map.copyOf(openOrderTradeIds);
    }

    /** Replayed from the bot's first fill. */
    public KernelState(long nextSequence, List<OrderSnapshot> openOrders, List<Fill> fills,
                       List<FundingPayment> funding) {
        this(nextSequence, openOrders, fills, funding, null, Map.of());
    }

    /** A spot bot's state (no funding), replayed from its first fill. */
    public KernelState(long nextSequence, List<OrderSnapshot> openOrders, List<Fill> fills) {
        this(nextSequence, openOrders, fills, List.of());
    }
}
