package dev.botfleet.server.market;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.exchange.ExchangeCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

/** Last traded price of a market, from the market data hub. */
@RestController
public class LtpController {
    /** @param fundingRate null for spot markets (every market today) */
    public record Ltp(String exchange, String symbol, String price, String fundingRate, Instant timestamp) {
    }

    private final MarketDataHub hub;
    private final ExchangeCatalog exchanges;
    private final ObjectProvider<ExternalLastPrices> external;

    public LtpController(MarketDataHub hub, ExchangeCatalog exchanges, ObjectProvider<ExternalLastPrices> external) {
        this.hub = hub;
        this.exchanges = exchanges;
        this.external = external;
    }

    @GetMapping("/api/v1/price/ltp")
    public Ltp ltp(@RequestParam(required = false) String exchange, @RequestParam(required = false) String symbol) {
        Violations v = new Violations();
        v.text("exchange", exchange, 32);
        v.text("symbol", symbol, 32);
        v.throwIfAny();
        Instrument instrument = exchanges.find(exchange).flatMap(e -> e.instrument(symbol))
                .orElseThrow(() -> new ApiException.NotFound("No market " + symbol + " on exchange '" + exchange + "'"));
        Optional<Tick> tick = hub.last(exchange, symbol);
        if (tick.isPresent()) {
            return new Ltp(exchange, symbol, Prices.format(instrument, tick.get().price()), null,
                    Instant.ofEpochMilli(tick.get().timestamp()));
        }
        // No price of our own: another process may keep one in Redis (botfleet.redis.enabled).
        ExternalLastPrices.Price price = Optional.ofNullable(external.getIfAvailable())
                .flatMap(prices -> prices.last(exchange, symbol))
                .orElseThrow(() -> new ApiException.NotFound("No price yet for " + symbol + " on " + exchange));
        return new Ltp(exchange, symbol, instrument.roundPrice(new java.math.BigDecimal(price.price())).toPlainString(),
                price.fundingRate(), Instant.ofEpochMilli(price.timestamp()));
    }
}
