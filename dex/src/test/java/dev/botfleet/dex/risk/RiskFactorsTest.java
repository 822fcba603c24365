package dev.botfleet.dex.risk;

import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.risk.RiskFactor.Verdict;
import dev.botfleet.dex.uniswap.Quote;
import dev.botfleet.dex.uniswap.Route;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The score's formula at its boundaries, as docs/dex-risk.md states it (no chain). */
class RiskFactorsTest {

    private static RiskFactor impact(String impact) {
        Quote q = new Quote(Route.V2, "0xa", "0xb", BigInteger.ONE, BigInteger.ONE, BigDecimal.ONE,
                new BigDecimal(impact), 0);
        return RiskFactors.liquidity(new TokenRiskScorer.Liquidity(BigInteger.ONE, Optional.of(q), Optional.empty()));
    }

    @Test
    void priceImpactPointsStepAt1And3And10Percent() {
        assertThat(impact("0.01").penalty()).isZero();
        assertThat(impact("0.01000001").penalty()).isEqualTo(10);
        assertThat(impact("0.03").penalty()).isEqualTo(10);
        assertThat(impact("0.1").penalty()).isEqualTo(25);
        assertThat(impact("0.10000001").penalty()).isEqualTo(40);
        RiskFactor none = RiskFactors.liquidity(new TokenRiskScorer.Liquidity(BigInteger.ONE, Optional.empty(), Optional.empty()));
        assertThat(none.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(none.penalty()).isEqualTo(100);
    }

    private static HoneypotResult taxed(long pairSent, long received, long pairGot) {
        return new HoneypotResult(BigInteger.ONE, true, null, BigInteger.valueOf(pairSent), BigInteger.valueOf(received),
                true, null, BigInteger.valueOf(pairGot), BigInteger.ONE);
    }

    @Test
    void taxPointsAreTwoPerPercentRoundedUpCappedAt60AndHalfFails() {
        assertThat(RiskFactors.transferTax(Optional.of(taxed(1000, 1000, 1000)), false).penalty()).isZero();
        // 0.1 % buy tax: 0.2 points, rounded up to 1
        assertThat(RiskFactors.transferTax(Optional.of(taxed(1000, 999, 999)), false).penalty()).isEqualTo(1);
        // 20 % + 20 %: 80 points, capped at 60
        RiskFactor heavy = RiskFactors.transferTax(Optional.of(taxed(1000, 800, 640)), false);
        assertThat(heavy.penalty()).isEqualTo(60);
        assertThat(heavy.verdict()).isEqualTo(Verdict.WARN);
        RiskFactor half = RiskFactors.transferTax(Optional.of(taxed(1000, 1000, 500)), false);
        assertThat(half.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(half.value()).isEqualTo("buy 0 %, sell 50 %");
    }

    @Test
    void ageAndHolderThresholds() {
        assertThat(RiskFactors.contractAge(Optional.of(86_399L), BigInteger.ONE, 40).penalty()).isEqualTo(10);
        assertThat(RiskFactors.contractAge(Optional.of(86_400L), BigInteger.ONE, 40).penalty()).isEqualTo(5);
        assertThat(RiskFactors.contractAge(Optional.of(7 * 86_400L), BigInteger.ONE, 40).penalty()).isZero();
        assertThat(RiskFactors.contractAge(Optional.empty(), null, 40).verdict()).isEqualTo(Verdict.UNKNOWN);

        BigInteger supply = BigInteger.valueOf(1000);
        assertThat(RiskFactors.holders(holders(500), supply).penalty()).isEqualTo(8);
        assertThat(RiskFactors.holders(holders(501), supply).penalty()).isEqualTo(15);
        assertThat(RiskFactors.holders(holders(250), supply).penalty()).isZero();
        assertThat(RiskFactors.holders(new HolderConcentration.TooCostly("too many"), supply).verdict())
                .isEqualTo(Verdict.UNKNOWN);
    }

    private static HolderConcentration.Outcome holders(long top) {
        return new HolderConcentration.Holders(List.of(Map.entry("0x1", BigInteger.valueOf(top))), 1);
    }

    @Test
    void theScoreIsTheSumCappedAt100AndAFailFailsAtAnyLevel() {
        RiskFactor a = new RiskFactor(Check.LIQUIDITY, Verdict.WARN, 25, "", "");
        RiskFactor b = new RiskFactor(Check.HOLDERS, Verdict.WARN, 15, "", "");
        RiskFactor pass = new RiskFactor(Check.PRIVILEGES, Verdict.PASS, 0, "", "");
        TokenRiskReport report = TokenRiskReport.of("0xa", BigInteger.ONE, List.of(a, b, pass));
        assertThat(report.score()).isEqualTo(40);
        assertThat(report.failingAt(40)).isEmpty();
        assertThat(report.failingAt(39)).containsExactly(a, b);
        RiskFactor fail = new RiskFactor(Check.HONEYPOT, Verdict.FAIL, 100, "", "");
        TokenRiskReport honeypot = TokenRiskReport.of("0xa", BigInteger.ONE, List.of(a, b, fail));
        assertThat(honeypot.score()).isEqualTo(100);
        assertThat(honeypot.failingAt(100)).containsExactly(fail);
    }
}
