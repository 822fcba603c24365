package dev.botfleet.server.exchange;

import dev.botfleet.engine.sim.SimMarkets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The exchanges this server knows. Today only the built-in simulated exchange {@code sim}, which is paper-only; real
 * exchanges join when their adapters exist (and then report {@code liveTrading=true}).
 */
@Component
public class ExchangeCatalog {
    private final List<Exchange> exchanges;

    @Autowired
    public ExchangeCatalog() {
        this(List.of(new Exchange(SimMarkets.EXCHANGE, "Simulated exchange", false, SimMarkets.instruments())));
    }

    public ExchangeCatalog(List<Exchange> exchanges) {
        this.exchanges = List.copyOf(exchanges);
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    public Optional<Exchange> find(String id) {
        return exchanges.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public String ids() {
        return String.join(", ", exchanges.stream().map(Exchange::id).toList());
    }
}
