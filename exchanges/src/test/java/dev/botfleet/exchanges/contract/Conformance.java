package dev.botfleet.exchanges.contract;

import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;

/** What both halves of the conformance matrix share: a fresh fake, adapter and account session per case. */
abstract class Conformance {
    protected abstract VenueFixture fixture();

    LiveHarness h;

    @BeforeEach
    void start() { h = new LiveHarness(fixture()); }

    @AfterEach
    void stop() { h.close(); }

    static OrderRequest limit(OrderSide side, String qty, String price) {
        return OrderRequest.limit(side, new BigDecimal(qty), new BigDecimal(price));
    }
}
