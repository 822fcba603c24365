package dev.botfleet.engine.sim;

import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.Instrument;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The markets of the built-in simulated exchange {@code sim}: realistic price levels, tick sizes and volatility.
 *
 * @param startPrice where the simulated price walk begins
 * @param dailyVolatility standard deviation of one day's log return (0.03 = 3%)
 */
public record SimMarkets(Instrument instrument, BigDecimal startPrice, double dailyVolatility) {
    public static final String EXCHANGE = "sim";
    /**
     * The simulated perpetuals: the same markets as linear USDT perpetuals (50× max, 0.5 % maintenance margin), priced
     * by the same walk, paper only. A separate exchange id, as venues list futures apart from spot (coindcx_f).
     */
    public static final String PERPETUAL_EXCHANGE = "sim_perp";
    private static final BigDecimal MAX_LEVERAGE = new BigDecimal("50");
    private static final BigDecimal MAINTENANCE = new BigDecimal("0.005");

    private static final BigDecimal MAKER = new BigDecimal("0.001");
    private static final BigDecimal TAKER = new BigDecimal("0.001");

    public static final List<SimMarkets> ALL = List.of(
            market("BTC", "USDT", "0.01", "0.00001", "0.00001", "5", "64000.00", 0.03),
            market("ETH", "USDT", "0.01", "0.0001", "0.0001", "5", "3200.00", 0.04),
            market("SOL", "USDT", "0.01", "0.001", "0.001", "5", "150.00", 0.06));

    public static List<Instrument> instruments() {
        return ALL.stream().map(SimMarkets::instrument).toList();
    }

    /** Every simulated perpetual ({@link #PERPETUAL_EXCHANGE}). */
    public static List<Instrument> perpetuals() {
        return ALL.stream().map(m -> perpetual(m.instrument())).toList();
    }

    /** True for the simulated exchanges (spot and perpetual), whose prices come from the same walk. */
    public static boolean isSimulated(String exchange) {
        return EXCHANGE.equals(exchange) || PERPETUAL_EXCHANGE.equals(exchange);
    }

    private static Instrument perpetual(Instrument spot) {
        return new Instrument(PERPETUAL_EXCHANGE, spot.symbol(), spot.baseAsset(), spot.quoteAsset(), spot.tickSize(),
                spot.lotSize(), spot.minQuantity(), spot.minNotional(), spot.makerFee(), spot.takerFee(),
                new Derivative(spot.lotSize(), spot.quoteAsset(), MAX_LEVERAGE, MAINTENANCE));
    }

    public static Optional<SimMarkets> find(String symbol) {
        return ALL.stream().filter(m -> m.instrument().symbol().equals(symbol)).findFirst();
    }

    private static SimMarkets market(String base, String quote, String tick, String lot, String minQty, String minNotional,
                                     String start, double vol) {
        return new SimMarkets(new Instrument(EXCHANGE, base + "/" + quote, base, quote, new BigDecimal(tick),
                new BigDecimal(lot), new BigDecimal(minQty), new BigDecimal(minNotional), MAKER, TAKER),
                new BigDecimal(start), vol);
    }
}
