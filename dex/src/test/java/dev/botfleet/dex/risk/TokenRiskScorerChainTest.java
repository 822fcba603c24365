package dev.botfleet.dex.risk;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.risk.RiskFactor.Verdict;
import dev.botfleet.dex.uniswap.LocalUniswap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;

import java.math.BigInteger;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

/** Risk reports of the honeypot, the taxed and the clean token on ganache, bought with 0.1 WETH. */
class TokenRiskScorerChainTest {
    static final BigInteger SIZE = ETHER.divide(BigInteger.TEN);
    static LocalChain chain;
    static LocalUniswap uniswap;
    static LocalRiskTokens tokens;
    static TokenRiskScorer scorer;

    @BeforeAll
    static void deploy() {
        chain = LocalChain.start();
        uniswap = LocalUniswap.deploy(chain);
        tokens = LocalRiskTokens.deploy(uniswap);
        scorer = new TokenRiskScorer(uniswap.reader, uniswap.contracts, TokenRiskScorer.Limits.DEFAULT);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    private static Map<Check, RiskFactor> byCheck(TokenRiskReport report) {
        return report.factors().stream().collect(Collectors.toMap(RiskFactor::check, Function.identity()));
    }

    @Test
    void aHoneypotScores100WithTheSellsRevertReason() {
        TokenRiskReport report = scorer.assess(tokens.honey, uniswap.weth(), SIZE);
        Map<Check, RiskFactor> f = byCheck(report);
        assertThat(report.score()).isEqualTo(100);
        assertThat(f.get(Check.HONEYPOT).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.get(Check.HONEYPOT).explanation()).contains("selling the tokens reverted: RiskToken: selling is disabled");
        assertThat(f.get(Check.TRANSFER_TAX).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(report.failingAt(75)).extracting(RiskFactor::check).contains(Check.HONEYPOT);
        // every check the scorer reads from the chain; MEMPOOL is added by the server from its watch (MempoolRisk)
        assertThat(f).containsOnlyKeys(java.util.Arrays.stream(Check.values()).filter(c -> c != Check.MEMPOOL).toList());
    }

    @Test
    void theTaxedTokenShowsBothTaxesAndItsOwnersFeeSetterAndMint() {
        Map<Check, RiskFactor> f = byCheck(scorer.assess(tokens.tax, uniswap.weth(), SIZE));
        assertThat(f.get(Check.HONEYPOT).verdict()).isEqualTo(Verdict.PASS);
        assertThat(f.get(Check.TRANSFER_TAX).value()).isEqualTo("buy 5 %, sell 12 %");
        assertThat(f.get(Check.TRANSFER_TAX).penalty()).isEqualTo(34);  // 2 points per percent of 5 + 12
        assertThat(f.get(Check.PRIVILEGES).value()).isEqualTo("MINT, FEE_SETTER");
        assertThat(f.get(Check.PRIVILEGES).penalty()).isEqualTo(20);
    }

    @Test
    void theCleanTokenPassesTheFullAnalysisExceptItsAgeDepthAndOneBigHolder() throws Exception {
        TokenRiskReport report = scorer.assess(tokens.clean, uniswap.weth(), SIZE);
        Map<Check, RiskFactor> f = byCheck(report);
        assertThat(f.get(Check.HONEYPOT).verdict()).isEqualTo(Verdict.PASS);
        assertThat(f.get(Check.TRANSFER_TAX)).extracting(RiskFactor::verdict, RiskFactor::penalty, RiskFactor::value)
                .containsExactly(Verdict.PASS, 0, "buy 0 %, sell 0 %");
        assertThat(f.get(Check.PRIVILEGES).verdict()).isEqualTo(Verdict.PASS);
        // 0.1 WETH into 10 WETH / 10⁶ tokens pays 0.1·997·10⁶ / (10·1000 + 0.1·997): impact 1 − 9970 / 10099.7
        assertThat(f.get(Check.LIQUIDITY).value()).isEqualTo("price impact 1.284197 % on V2");
        assertThat(f.get(Check.LIQUIDITY).penalty()).isEqualTo(10);
        // the deployer keeps 9 of the 10 million; the pool's million is left out of the holders
        assertThat(f.get(Check.HOLDERS).value()).isEqualTo("top 1 of 1 holders own 90 %");
        assertThat(f.get(Check.HOLDERS).penalty()).isEqualTo(15);
        assertThat(f.get(Check.CONTRACT_AGE).penalty()).isEqualTo(10);
        BigInteger created = new BigInteger(f.get(Check.CONTRACT_AGE).value().replaceAll(".*block (\\d+)\\)", "$1"));
        assertThat(code(created)).isNotEqualTo("0x");
        assertThat(code(created.subtract(BigInteger.ONE))).isEqualTo("0x");
        assertThat(report.score()).isEqualTo(35);
        assertThat(report.failingAt(45)).isEmpty();
        assertThat(report.failingAt(30)).extracting(RiskFactor::check)
                .containsExactly(Check.LIQUIDITY, Check.HOLDERS, Check.CONTRACT_AGE);

        chain.increaseTime(Duration.ofDays(8));
        chain.mine();
        RiskFactor later = byCheck(scorer.assess(tokens.clean, uniswap.weth(), SIZE)).get(Check.CONTRACT_AGE);
        assertThat(later.verdict()).isEqualTo(Verdict.PASS);
        assertThat(later.value()).startsWith("8 days");
    }

    private static String code(BigInteger block) throws Exception {
        return chain.web3j().ethGetCode(tokens.clean, DefaultBlockParameter.valueOf(block)).send().getCode();
    }

    @Test
    void theFastLaneRunsOnlyItsTwoChecks() {
        TokenRiskReport report = scorer.assess(tokens.clean, uniswap.weth(), SIZE,
                EnumSet.of(Check.LIQUIDITY, Check.HONEYPOT));
        assertThat(report.factors()).extracting(RiskFactor::check).containsExactly(Check.LIQUIDITY, Check.HONEYPOT);
        assertThat(report.score()).isEqualTo(10);
    }

    @Test
    void holdersAndAgeAreUnknownWithTheReasonWhenTheirLimitsAreHit() {
        TokenRiskScorer tight = new TokenRiskScorer(uniswap.reader, uniswap.contracts,
                new TokenRiskScorer.Limits(ETHER.divide(BigInteger.valueOf(100)), 2, 1_000, 10, 20_000));
        Map<Check, RiskFactor> f = byCheck(tight.assess(tokens.clean, uniswap.weth(), SIZE));
        assertThat(f.get(Check.CONTRACT_AGE).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.get(Check.CONTRACT_AGE).explanation()).contains("2 eth_getCode calls");
        assertThat(f.get(Check.HOLDERS).verdict()).isEqualTo(Verdict.UNKNOWN);

        TokenRiskScorer fewBlocks = new TokenRiskScorer(uniswap.reader, uniswap.contracts,
                new TokenRiskScorer.Limits(ETHER.divide(BigInteger.valueOf(100)), 40, 3, 10, 20_000));
        RiskFactor holders = byCheck(fewBlocks.assess(tokens.clean, uniswap.weth(), SIZE)).get(Check.HOLDERS);
        assertThat(holders.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(holders.explanation()).contains("capped at 3 blocks");
    }

    @Test
    void aSimulationTheNodeRefusesIsUnknownInTheNodesWords() {
        // more ether than the WETH contract (the call's sender) holds: the node refuses the call's value
        TokenRiskScorer greedy = new TokenRiskScorer(uniswap.reader, uniswap.contracts,
                new TokenRiskScorer.Limits(ETHER.multiply(BigInteger.TEN.pow(9)), 40, 200_000, 10_000, 20_000));
        RiskFactor honeypot = byCheck(greedy.assess(tokens.clean, uniswap.weth(), SIZE,
                EnumSet.of(Check.HONEYPOT))).get(Check.HONEYPOT);
        assertThat(honeypot.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(honeypot.penalty()).isEqualTo(20);
        assertThat(honeypot.explanation()).startsWith("the node refused the honeypot simulation: ");
    }

    @Test
    void anAddressWithoutCodeFailsAtOnceAndATokenWithoutPoolsFailsLiquidity() {
        String nobody = LocalChain.account(5).getAddress();
        TokenRiskReport none = scorer.assess(nobody, uniswap.weth(), SIZE);
        assertThat(none.score()).isEqualTo(100);
        assertThat(none.factors()).singleElement().extracting(RiskFactor::value).isEqualTo("no contract");

        // USDC has pools against WETH only: priced in CLEAN there is no route and nothing to simulate through
        Map<Check, RiskFactor> f = byCheck(scorer.assess(uniswap.usdc, tokens.clean, SIZE));
        assertThat(f.get(Check.LIQUIDITY).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.get(Check.HONEYPOT).verdict()).isEqualTo(Verdict.PASS);  // USDC/WETH exists: simulated, sells
    }
}
