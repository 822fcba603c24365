package dev.botfleet.exchanges;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.FundingPayment;

import java.math.BigDecimal;
import java.time.Instant;
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

    /**
     * As {@link #query(VenueInstrument, String)}, with what our journal knows about the order (venue order id once
     * acknowledged, side, price, quantity, creation time). Venues with client order ids ignore it; a venue without
     * them (CoinDCX futures) finds the order from it.
     */
    default Optional<OrderReport> query(VenueInstrument instrument, String venueClientId, OrderSnapshot known) {
        return query(instrument, venueClientId);
    }

    /** Orders open on the venue for one instrument (without their fills). */
    List<OrderReport> openOrders(VenueInstrument instrument);

    /** Fills of one order, in the venue's trade order. */
    List<OrderFilled> fills(VenueInstrument instrument, String venueClientId);

    /**
     * Opens the account's user-data stream (order updates, executions, balances). Reconnects with backoff and tells
     * the listener when it is back, so the listener can backfill by query.
     */
    StreamHandle openUserStream(UserStreamListener listener);

    /**
     * The account's position in one perpetual (flat when it has none). Spot venues throw UNSUPPORTED. Orders of a
     * perpetual carry {@code reduce_only} when they close a deal ({@code order.closeReason() != null}).
     */
    default VenuePosition position(VenueInstrument instrument) {
        throw new VenueException(VenueException.Kind.UNSUPPORTED, venue(), null, "no positions on a spot venue");
    }

    /**
     * Sets the leverage and margin mode of the account's position in one perpetual, before the bot's first order.
     * A venue that cannot change the margin mode (or only while flat) refuses with a message saying so.
     */
    default void setLeverage(VenueInstrument instrument, BigDecimal leverage, MarginMode marginMode) {
        throw new VenueException(VenueException.Kind.UNSUPPORTED, venue(), null, "no leverage on a spot venue");
    }

    /** Funding the account paid or received on one perpetual since {@code since}, oldest first. */
    default List<FundingPayment> fundingPayments(VenueInstrument instrument, Instant since) {
        throw new VenueException(VenueException.Kind.UNSUPPORTED, venue(), null, "no funding on a spot venue");
    }

    /**
     * How this venue spells our client order ids. Most venues take the default codec's ids (at most 36 characters of
     * {@code [A-Za-z0-9_-]}); a venue with a narrower format returns its own subclass.
     */
    default ClientIdCodec clientIds(String botId) {
        return new ClientIdCodec(botId);
    }

    @Override
    default void close() {
    }
}
