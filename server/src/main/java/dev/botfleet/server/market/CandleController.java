package dev.botfleet.server.market;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.exchange.ExchangeCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A market's recent candles for charts, from the {@link CandleHistory}; prices on the instrument's tick grid. */
@RestController
public class CandleController {
    static final int DEFAULT_LIMIT = 300;
    static final int MAX_LIMIT = 1000;

    /** @param complete always true today: a still-forming candle is left out (live ticks extend a chart) */
    public record CandleResponse(Instant openTime, String open, String high, String low, String close, String volume,
                                 boolean complete) {
    }

    private final CandleHistory history;
    private final ExchangeCatalog exchanges;

    public CandleController(CandleHistory history, ExchangeCatalog exchanges) {
        this.history = history;
        this.exchanges = exchanges;
    }

    @GetMapping("/api/v1/candles")
    public List<CandleResponse> candles(@RequestParam(required = false) String exchange,
                                        @RequestParam(required = false) String symbol,
                                        @RequestParam(required = false) String timeframe,
                                        @RequestParam(required = false) String limit) {
        Violations v = new Violations();
        v.text("exchange", exchange, 32);
        v.text("symbol", symbol, 32);
        // the history keeps 1m candles: 1s (a backtest timeframe) cannot be built from them
        Timeframe tf = timeframe == null ? Timeframe.M1 : Timeframe.fromCode(timeframe)
                .filter(t -> t.millis() >= Timeframe.M1.millis()).orElse(null);
        if (tf == null) {
            v.add("timeframe", "must be one of " + Arrays.stream(Timeframe.values())
                    .filter(t -> t.millis() >= Timeframe.M1.millis()).map(Timeframe::code).toList(), timeframe);
        }
        int count = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                count = Integer.parseInt(limit.strip());
                if (count < 1 || count > MAX_LIMIT) v.add("limit", "must be between 1 and " + MAX_LIMIT, limit);
            } catch (NumberFormatException e) {
                v.add("limit", "must be a whole number between 1 and " + MAX_LIMIT, limit);
            }
        }
        v.throwIfAny();
        Instrument instrument = exchanges.find(exchange).flatMap(e -> e.instrument(symbol))
                .orElseThrow(() -> new ApiException.NotFound("No market " + symbol + " on exchange '" + exchange + "'"));
        return history.last(exchange, symbol, tf, count).stream().map(c -> view(instrument, c)).toList();
    }

    private static CandleResponse view(Instrument instrument, Candle c) {
        return new CandleResponse(c.openInstant(), Prices.format(instrument, c.open()), Prices.format(instrument, c.high()),
                Prices.format(instrument, c.low()), Prices.format(instrument, c.close()),
                BigDecimal.valueOf(c.volume()).setScale(Math.max(0, instrument.lotSize().stripTrailingZeros().scale()),
                        RoundingMode.HALF_EVEN).toPlainString(), true);
    }
}
