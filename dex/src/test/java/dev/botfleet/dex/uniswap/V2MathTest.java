package dev.botfleet.dex.uniswap;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class V2MathTest {

    @Test
    void sellingOneWethIntoA100WethAnd200kUsdcPoolByHand() {
        // 1e18 · 997 · 200,000e6 / (100e18 · 1000 + 1e18 · 997) = 1,974,316,068.79… → 1,974.316068 USDC (rounded down)
        BigInteger out = V2Math.amountOut(new BigInteger("1000000000000000000"),
                new BigInteger("100000000000000000000"), new BigInteger("200000000000"));
        assertThat(out).isEqualTo(new BigInteger("1974316068"));
    }

    @Test
    void smallNumbersShowTheFeeAndTheRoundingDown() {
        // 10·997·1000 / (1000·1000 + 10·997) = 9,970,000 / 1,009,970 = 9.87… → 9
        assertThat(V2Math.amountOut(BigInteger.TEN, BigInteger.valueOf(1000), BigInteger.valueOf(1000)))
                .isEqualTo(BigInteger.valueOf(9));
    }

    @Test
    void refusesEmptyPoolsAndNonPositiveAmounts() {
        assertThatThrownBy(() -> V2Math.amountOut(BigInteger.ZERO, BigInteger.TEN, BigInteger.TEN))
                .hasMessageContaining("amountIn");
        assertThatThrownBy(() -> V2Math.amountOut(BigInteger.ONE, BigInteger.ZERO, BigInteger.TEN))
                .hasMessageContaining("empty pool");
    }

    @Test
    void slippageAndApprovalTermsAreExact() {
        var terms = new SwapTerms(50, java.time.Instant.EPOCH);
        assertThat(terms.minimumOut(BigInteger.valueOf(1_974_316_068))).isEqualTo(BigInteger.valueOf(1_964_444_487));
        assertThatThrownBy(() -> new SwapTerms(5001, java.time.Instant.EPOCH)).hasMessageContaining("slippageBps");
        assertThat(Approval.exact().amountFor(BigInteger.TEN)).isEqualTo(BigInteger.TEN);
        assertThat(Approval.capped(BigInteger.valueOf(100)).amountFor(BigInteger.TEN)).isEqualTo(BigInteger.valueOf(100));
        assertThatThrownBy(() -> Approval.capped(BigInteger.ONE).amountFor(BigInteger.TEN)).hasMessageContaining("below");
    }
}
