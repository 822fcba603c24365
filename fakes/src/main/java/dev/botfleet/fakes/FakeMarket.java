package dev.botfleet.fakes;

import java.math.BigDecimal;

/**
 * A market a fake venue lists, with the filters its venue enforces. Mutable on purpose: tests change a filter while
 * bots run ("instrument rules changed") or halt trading.
 */
public final class FakeMarket {
    public final String venueSymbol;
    public final String base;
    public final String quote;
    public volatile BigDecimal tickSize;
    public volatile BigDecimal lotSize;
    public volatile BigDecimal minQuantity;
    public volatile BigDecimal minNotional;
    public volatile BigDecimal makerFee;
    public volatile BigDecimal takerFee;
    public volatile boolean trading = true;

    public FakeMarket(String venueSymbol, String base, String quote, String tickSize, String lotSize, String minQuantity,
                      String minNotional, String makerFee, String takerFee) {
        this.venueSymbol = venueSymbol;
        this.base = base;
        this.quote = quote;
        this.tickSize = new BigDecimal(tickSize);
        this.lotSize = new BigDecimal(lotSize);
        this.minQuantity = new BigDecimal(minQuantity);
        this.minNotional = new BigDecimal(minNotional);
        this.makerFee = new BigDecimal(makerFee);
        this.takerFee = new BigDecimal(takerFee);
    }
}
