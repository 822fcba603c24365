package dev.botfleet.dex.risk;

import dev.botfleet.dex.chain.Artifacts;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.uniswap.LocalUniswap;
import dev.botfleet.dex.uniswap.V2Math;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static dev.botfleet.dex.risk.LocalRiskTokens.POOL_TOKENS;
import static dev.botfleet.dex.risk.LocalRiskTokens.POOL_WETH;
import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

/** The honeypot test by eth_call of the probe's creation code, on the three risk tokens of {@link LocalRiskTokens}. */
class HoneypotProbeChainTest {
    static final BigInteger WEI = ETHER.divide(BigInteger.TEN);
    static LocalChain chain;
    static LocalUniswap uniswap;
    static LocalRiskTokens tokens;
    static HoneypotProbe probe;

    @BeforeAll
    static void deploy() {
        chain = LocalChain.start();
        uniswap = LocalUniswap.deploy(chain);
        tokens = LocalRiskTokens.deploy(uniswap);
        probe = new HoneypotProbe(chain.web3j());
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    private HoneypotResult run(String token) {
        return probe.run(uniswap.contracts.v2Router(), List.of(uniswap.weth(), token), WEI, uniswap.weth(),
                uniswap.reader.blockNumber());
    }

    @Test
    void theBundledProbeIsTheContractCompiledFromItsSource() {
        assertThat(HoneypotProbe.BYTECODE).isEqualTo(Artifacts.ours("HoneypotProbe"));
    }

    @Test
    void aHoneypotBuysButCannotSellAndTheTokensOwnWordsSayWhy() {
        BigInteger blockBefore = uniswap.reader.blockNumber();
        HoneypotResult r = run(tokens.honey);
        assertThat(r.bought()).isTrue();
        assertThat(r.received()).isEqualTo(V2Math.amountOut(WEI, POOL_WETH, POOL_TOKENS));
        assertThat(r.sold()).isFalse();
        assertThat(r.honeypot()).isTrue();
        assertThat(r.sellError()).isEqualTo("RiskToken: selling is disabled");
        // a call: nothing was mined
        assertThat(uniswap.reader.blockNumber()).isEqualTo(blockBefore);
    }

    @Test
    void taxesAreMeasuredToTheUnitFromTheTokensRules() {
        HoneypotResult r = run(tokens.tax);
        BigInteger out = V2Math.amountOut(WEI, POOL_WETH, POOL_TOKENS);
        BigInteger received = out.subtract(out.multiply(BigInteger.valueOf(500)).divide(BigInteger.valueOf(10_000)));
        BigInteger reachedPool = received.subtract(received.multiply(BigInteger.valueOf(1200))
                .divide(BigInteger.valueOf(10_000)));
        assertThat(r.honeypot()).isFalse();
        assertThat(r.pairSent()).isEqualTo(out);
        assertThat(r.received()).isEqualTo(received);
        assertThat(r.pairGot()).isEqualTo(reachedPool);
        assertThat(r.wethBack()).isEqualTo(V2Math.amountOut(reachedPool, POOL_TOKENS.subtract(out), POOL_WETH.add(WEI)));
        assertThat(r.buyTaxFraction()).isEqualByComparingTo("0.05");
        assertThat(r.sellTaxFraction()).isEqualByComparingTo("0.12");
    }

    @Test
    void aCleanTokenSellsBackWithoutTax() {
        HoneypotResult r = run(tokens.clean);
        BigInteger out = V2Math.amountOut(WEI, POOL_WETH, POOL_TOKENS);
        assertThat(r.honeypot()).isFalse();
        assertThat(r.received()).isEqualTo(out);
        assertThat(r.pairGot()).isEqualTo(out);
        assertThat(r.buyTax()).isZero();
        assertThat(r.sellTax()).isZero();
        assertThat(r.wethBack()).isEqualTo(V2Math.amountOut(out, POOL_TOKENS.subtract(out), POOL_WETH.add(WEI)));
        assertThat(r.sellError()).isNull();
    }
}
