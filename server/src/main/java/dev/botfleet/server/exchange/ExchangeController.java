package dev.botfleet.server.exchange;

import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Decimals;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import dev.botfleet.server.runtime.PaperProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/exchanges")
public class ExchangeController {
    private final ExchangeCatalog catalog;
    private final PaperProperties paper;

    public ExchangeController(ExchangeCatalog catalog, PaperProperties paper) {
        this.catalog = catalog;
        this.paper = paper;
    }

    /** Every exchange with its symbols (for the dashboard's autocomplete and precision). */
    @GetMapping
    public List<ExchangeResponse> list() {
        String quoteBalance = Decimals.format(paper.quoteBalance());
        return catalog.exchanges().stream().map(e -> ExchangeResponse.of(e, quoteBalance)).toList();
    }

    /**
     * @param paperQuoteBalance what a new paper bot's account starts with in the quote asset (and the same value in
     *                          base): {@code botfleet.paper.quote-balance}
     */
    public record ExchangeResponse(String id, String name, boolean liveTrading, boolean paperTrading, boolean testnet,
                                   String status, String statusReason, String paperQuoteBalance,
                                   List<SymbolResponse> symbols) {
        static ExchangeResponse of(Exchange e, String paperQuoteBalance) {
            return new ExchangeResponse(e.id(), e.name(), e.liveTrading(), true, e.testnet(),
                    e.available() ? "READY" : "UNAVAILABLE", e.available() ? null : e.statusReason(), paperQuoteBalance,
                    e.instruments().stream().map(SymbolResponse::of).toList());
        }
    }

    /**
     * Symbol search over a venue's whole list: exact matches first, then prefixes, then the rest that contain the text
     * ("btcusdt" finds "BTC/USDT": the slash is optional).
     */
    @GetMapping("/{id}/symbols")
    public List<SymbolResponse> symbols(@PathVariable String id, @RequestParam(defaultValue = "") String q,
                                        @RequestParam(defaultValue = "20") int limit) {
        Exchange exchange = catalog.find(id).orElseThrow(() -> new ApiException.NotFound("No exchange '" + id + "'"));
        if (limit < 1 || limit > 500) {
            throw new ApiException.Invalid("limit", "must be between 1 and 500", limit);
        }
        return SymbolSearch.search(exchange.instruments(), q, limit).stream().map(SymbolResponse::of).toList();
    }

    /**
     * @param perpetual true for a perpetual future (leverage, shorts, funding)
     * @param settleAsset a perpetual's margin asset, null on spot
     * @param maxLeverage a perpetual's highest leverage, null on spot
     * @param contractSize base asset per venue contract, null on spot
     */
    public record SymbolResponse(String symbol, String baseAsset, String quoteAsset, String tickSize, String lotSize,
                                 String minQuantity, String minNotional, String makerFee, String takerFee,
                                 boolean perpetual, String settleAsset, String maxLeverage, String contractSize) {
        static SymbolResponse of(Instrument i) {
            Derivative d = i.derivative();
            return new SymbolResponse(i.symbol(), i.baseAsset(), i.quoteAsset(), Decimals.format(i.tickSize()),
                    Decimals.format(i.lotSize()), Decimals.format(i.minQuantity()), Decimals.format(i.minNotional()),
                    Decimals.format(i.makerFee()), Decimals.format(i.takerFee()), d != null,
                    d == null ? null : d.settleAsset(), d == null ? null : Decimals.format(d.maxLeverage()),
                    d == null ? null : Decimals.format(d.contractSize()));
        }
    }
}
