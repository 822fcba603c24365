package dev.botfleet.exchanges;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSnapshot;

import java.util.List;
import java.util.Optional;

/**
 * A venue's private side for one key. Orders are named by the <em>venue</em> client order id (see
 * {@link ClientIdCodec}); every {@link OrderReport} and event coming back carries that id too.
 *
 * <p>Failures are {@link VenueException}s. Only idempotent calls (queries, cancels) are retried inside; a
 * {@link #place} whose answer is lost throws {@code ANSWER_LOST} and the caller resolves it with {@link #query}.
 */
public interface TradingClient extends AutoCloseable {
    String venue();

    /** Permissions and balances; also how a key is verified. */
    AccountInfo account();

    /**
     * Places the order under {@code venueClientId}. Returns the venue's view right after placement: ACCEPTED (resting),
     * or already (partly) filled with its fills, or EXPIRED (an IOC that could not fill); a refusal throws.
     */
    OrderReport place(VenueInstrument instrument, OrderSnapshot order, String venueClientId);

    /** Cancels; throws UNKNOWN_ORDER when the venue no longer has it open (filled, canceled, never placed). */
    void cancel(VenueInstrument instrument, String venueClientId);

    /** The venue's view of one order with every fill it made, or empty if the venue never had it. */
    Optional<OrderReport> query(VenueInstrument instrument, String venueClientId);

    /** Orders open on the venue for one instrument (without their fills). */
    List<OrderReport> openOrders(VenueInstrument instrument);

    /** Fills of one order, in the venue's trade order. */
    List<OrderFilled> fills(VenueInstrument instrument, String venueClientId);

    /**
     * Opens the account's user-data stream (order updates, executions, balances). Reconnects with backoff and tells
     * the listener when it is back, so the listener can backfill by query.
     */
    StreamHandle openUserStream(UserStreamListener listener);

    @Override
    default void close() {
    }
}
