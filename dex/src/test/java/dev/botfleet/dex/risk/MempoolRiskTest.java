package dev.botfleet.dex.risk;

import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.mempool.MempoolEvent;
import dev.botfleet.dex.mempool.WatchedPool;
import dev.botfleet.dex.risk.RiskFactor.Verdict;
import dev.botfleet.dex.uniswap.Route;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mempool factor of the risk score: pending removals and sells of the token raise it, other traffic does not. */
class MempoolRiskTest {
    static final String TOKEN = "0x00000000000000000000000000000000000000aa";
    static final String QUOTE = "0x00000000000000000000000000000000000000bb";
    static final WatchedPool POOL = new WatchedPool(Route.Protocol.V2, "0x00000000000000000000000000000000000000cc",
            TOKEN, QUOTE, 3000);

    static MempoolEvent removal(String share) {
        return new MempoolEvent.PendingLiquidityRemoval("0x1", "0xf", POOL, BigInteger.ONE, new BigDecimal(share));
    }

    static MempoolEvent swap(String in, String out, boolean exactIn, String share) {
        return new MempoolEvent.PendingSwap("0x2", "0xf", POOL, in, out, exactIn, BigInteger.TEN, null,
                new BigDecimal(share));
    }

    @Test
    void nothingPendingPasses() {
        RiskFactor f = MempoolRisk.factor(List.of(), TOKEN);
        assertThat(f.check()).isEqualTo(Check.MEMPOOL);
        assertThat(f.verdict()).isEqualTo(Verdict.PASS);
        assertThat(f.penalty()).isZero();
    }

    @Test
    void aRemovalAddsByItsShareAndHalfThePoolFails() {
        assertThat(MempoolRisk.factor(List.of(removal("0.009")), TOKEN).penalty()).isZero();
        assertThat(MempoolRisk.factor(List.of(removal("0.01")), TOKEN).penalty()).isEqualTo(10);
        RiskFactor tenth = MempoolRisk.factor(List.of(removal("0.05"), removal("0.1")), TOKEN);   // the largest counts
        assertThat(tenth.penalty()).isEqualTo(40);
        assertThat(tenth.verdict()).isEqualTo(Verdict.WARN);
        assertThat(tenth.value()).isEqualTo("liquidity removal 10 % of a pool");
        RiskFactor half = MempoolRisk.factor(List.of(removal("0.5")), TOKEN);
        assertThat(half.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(half.penalty()).isEqualTo(100);
        assertThat(half.explanation()).contains("removes 50 % of a pool's liquidity");
    }

    @Test
    void sellsOfTheTokenAreSummedBuysAreNot() {
        assertThat(MempoolRisk.factor(List.of(swap(TOKEN, QUOTE, true, "0.004")), TOKEN).penalty()).isZero();
        assertThat(MempoolRisk.factor(List.of(swap(TOKEN, QUOTE, true, "0.005")), TOKEN).penalty()).isEqualTo(5);
        RiskFactor two = MempoolRisk.factor(List.of(swap(TOKEN, QUOTE, true, "0.01"), swap(TOKEN, QUOTE, false, "0.01")),
                TOKEN);
        assertThat(two.penalty()).isEqualTo(15);
        assertThat(two.value()).isEqualTo("2 sells 2 % of reserves");
        assertThat(MempoolRisk.factor(List.of(swap(TOKEN, QUOTE, true, "0.1")), TOKEN).penalty()).isEqualTo(30);
        assertThat(MempoolRisk.factor(List.of(swap(QUOTE, TOKEN, true, "0.5")), TOKEN).penalty()).isZero();  // a buy
    }

    @Test
    void bothTogetherAreCappedBelowAFail() {
        RiskFactor f = MempoolRisk.factor(List.of(removal("0.2"), swap(TOKEN, QUOTE, true, "0.3")), TOKEN);
        assertThat(f.penalty()).isEqualTo(60);   // 40 + 30, at most 60
        assertThat(f.value()).isEqualTo("liquidity removal 20 % of a pool, 1 sell 30 % of reserves");
    }

    @Test
    void addedToAReportTheScoreIsSummedAgain() {
        TokenRiskReport report = TokenRiskReport.of(TOKEN, BigInteger.TEN,
                List.of(new RiskFactor(Check.LIQUIDITY, Verdict.WARN, 10, "impact 2 %", "")));
        TokenRiskReport with = report.with(MempoolRisk.factor(List.of(removal("0.1")), TOKEN));
        assertThat(with.score()).isEqualTo(50);
        assertThat(with.failingAt(45)).extracting(RiskFactor::check).containsExactly(Check.LIQUIDITY, Check.MEMPOOL);
        assertThat(with.with(MempoolRisk.factor(List.of(), TOKEN)).score()).isEqualTo(10);   // replaced, not added
    }
}
