package dev.botfleet.server.portfolio;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ValuerTest {
    private final Map<String, BigDecimal> prices = Map.of(
            "x|BTC/USDT", new BigDecimal("50000"),
            "x|ETH/BTC", new BigDecimal("0.05"),
            "x|EUR/USDT", new BigDecimal("1.25"),
            "x|SOL/USDC", new BigDecimal("100"));
    private final Valuer valuer = new Valuer((exchange, symbol) -> Optional.ofNullable(prices.get(exchange + "|" + symbol)));

    @Test
    void theSameAssetIsWorthOne() {
        assertThat(valuer.rate("x", "USDT", "USDT").price()).isEqualByComparingTo("1");
    }

    @Test
    void aDirectPairIsItsLastPrice() {
        assertThat(valuer.rate("x", "BTC", "USDT").price()).isEqualByComparingTo("50000");
        assertThat(valuer.rate("x", "ETH", "BTC").price()).isEqualByComparingTo("0.05");
    }

    @Test
    void anInversePairIsOneOverItsPrice() {
        // 1 / 1.25 = 0.8 EUR per USDT
        assertThat(valuer.rate("x", "USDT", "EUR").price()).isEqualByComparingTo("0.8");
        assertThat(valuer.rate("x", "USDT", "BTC").price())
                .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("50000"), MathContext.DECIMAL128));
    }

    @Test
    void withoutAPairTheRouteGoesThroughUsdt() {
        // BTC -> USDT 50000, USDT -> EUR 0.8: 40000 EUR per BTC
        assertThat(valuer.rate("x", "BTC", "EUR").price()).isEqualByComparingTo("40000");
    }

    @Test
    void stablecoinsCountAsOneOnlyWhereNoPairExists() {
        // no SOL/USDT and no USDC/USDT: SOL/USDC 100 × (USDC = USDT) = 100
        assertThat(valuer.rate("x", "SOL", "USDT").price()).isEqualByComparingTo("100");
        assertThat(valuer.rate("x", "USDC", "USD").price()).isEqualByComparingTo("1");
        // EUR is no stablecoin: EUR/USDT is used, never 1
        assertThat(valuer.rate("x", "EUR", "USD").price()).isEqualByComparingTo("1.25");
    }

    @Test
    void anAssetNoRouteReachesHasNoRateAndAReason() {
        Valuer.Rate rate = valuer.rate("x", "DOGE", "USDT");
        assertThat(rate.known()).isFalse();
        assertThat(rate.value(BigDecimal.TEN)).isNull();
        assertThat(rate.reason()).contains("DOGE/USDT", "x");
        assertThat(valuer.rate("y", "BTC", "USDT").known()).isFalse();  // prices are per exchange
    }
}
