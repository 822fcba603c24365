package dev.botfleet.server.market;

import java.util.Optional;

/** Last prices another process keeps (Redis), for markets this server has no price of its own for. */
public interface ExternalLastPrices {

    /** @param fundingRate the writer's funding rate (futures), else null */
    record Price(String price, String fundingRate, long timestamp) {
    }

    Optional<Price> last(String exchange, String symbol);
}
