package dev.botfleet.engine.order;

import dev.botfleet.engine.order.OrderEvent.OrderAccepted;
import dev.botfleet.engine.order.OrderEvent.OrderCanceled;
import dev.botfleet.engine.order.OrderEvent.OrderExpired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.botfleet.engine.order.OrderTest.ID;
import static dev.botfleet.engine.order.OrderTransitionsTest.LATER;
import static dev.botfleet.engine.order.OrderTransitionsTest.in;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live venue reports some things twice: the ack (its answer to the request, and its user stream's report, which may
 * come after fills or the order's end), and a cancel (its answer to our cancel, and the stream's). The second report
 * changes nothing: {@link Order#apply} says false, so the kernel neither journals it nor warns.
 */
class RepeatedReportsTest {
    /** A live venue acks twice (the REST answer and the user stream), the stream's copy maybe after fills or the end. */
    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"ACCEPTED", "PARTIALLY_FILLED", "FILLED", "CANCELED", "EXPIRED"})
    void aRepeatedAckOfTheSameVenueOrderChangesNothing(OrderStatus from) {
        for (String venueId : new String[] {"x-1", null}) {
            Order o = in(from);
            OrderSnapshot before = o.snapshot();
            assertThat(o.apply(new OrderAccepted(ID, venueId, LATER))).as("ack naming " + venueId).isFalse();
            assertThat(o.snapshot()).isEqualTo(before);
        }
    }

    /** The venue's answer to a cancel and its stream's report of the same end both arrive; so may two expiries. */
    @Test
    void aRepeatedCancelOrExpiryChangesNothing() {
        Order canceled = in(OrderStatus.CANCELED);
        OrderSnapshot before = canceled.snapshot();
        assertThat(canceled.apply(new OrderCanceled(ID, LATER))).isFalse();
        assertThat(canceled.snapshot()).isEqualTo(before);
        Order expired = in(OrderStatus.EXPIRED);
        before = expired.snapshot();
        assertThat(expired.apply(new OrderExpired(ID, LATER))).isFalse();
        assertThat(expired.snapshot()).isEqualTo(before);
    }
}
