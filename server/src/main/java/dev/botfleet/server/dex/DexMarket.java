package dev.botfleet.server.dex;

import dev.botfleet.engine.market.Instrument;

import java.math.BigDecimal;

/**
 * A pair of ERC-20 tokens on one network, as bots trade it: exchange {@code dex:<network>}, symbol
 * {@code BASE/QUOTE} from the tokens' own symbol(). Prices are quote tokens per base token.
 */
public record DexMarket(String network, String baseToken, String quoteToken, String baseSymbol, String quoteSymbol,
                        int baseDecimals, int quoteDecimals) {

    public String exchange() {
        return DexNetworks.exchangeId(network);
    }

    public String symbol() {
        return baseSymbol + "/" + quoteSymbol;
    }

    /**
     * Precision from the tokens' decimals: a quantity is a whole number of base-token units (lot 10^-baseDecimals),
     * a price a whole number of quote-token units (tick 10^-quoteDecimals). No exchange fee: the pool's fee is in the
     * swap's price and gas is charged as each fill's fee.
     */
    public Instrument instrument() {
        BigDecimal lot = BigDecimal.ONE.movePointLeft(baseDecimals);
        BigDecimal tick = BigDecimal.ONE.movePointLeft(quoteDecimals);
        return new Instrument(exchange(), symbol(), baseSymbol, quoteSymbol, tick, lot, lot, tick, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }
}
