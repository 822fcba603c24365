package dev.botfleet.dex.risk;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.risk.RiskFactor.Verdict;
import dev.botfleet.dex.uniswap.Quote;
import dev.botfleet.dex.uniswap.Route;
import dev.botfleet.dex.uniswap.UniswapContracts;
import dev.botfleet.dex.uniswap.UniswapQuoter;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A token's risk report: each {@link Check} asked for becomes one {@link RiskFactor} with its value, verdict, penalty
 * and explanation, and the score is their penalties summed, capped at 100 (docs/dex-risk.md has the formula). Reads
 * only: quotes, eth_getCode, eth_getLogs and the honeypot simulation are calls; nothing is sent.
 */
public final class TokenRiskScorer {
    /**
     * @param probeWei      the ether the honeypot simulation buys with
     * @param maxAgeCalls   eth_getCode calls the creation-block search may make
     * @param maxLogBlocks  the oldest token (in blocks) whose holders are rebuilt from its Transfer logs
     * @param logWindow     blocks per eth_getLogs request
     * @param maxLogs       the most Transfer logs read
     */
    public record Limits(BigInteger probeWei, int maxAgeCalls, long maxLogBlocks, long logWindow, int maxLogs) {
        public static final Limits DEFAULT = new Limits(BigInteger.TEN.pow(16), 40, 200_000, 10_000, 20_000);
    }

    static final int TOP_HOLDERS = 10;

    private final ChainReader chain;
    private final UniswapContracts contracts;
    private final UniswapQuoter quoter;
    private final Limits limits;
    private final HoneypotProbe probe;
    private final ContractAge age;
    private final HolderConcentration holders;

    public TokenRiskScorer(ChainReader chain, UniswapContracts contracts, Limits limits) {
        this.chain = chain;
        this.contracts = contracts;
        this.quoter = new UniswapQuoter(chain, contracts);
        this.limits = limits;
        this.probe = new HoneypotProbe(chain.web3j());
        this.age = new ContractAge(chain.web3j(), limits.maxAgeCalls());
        this.holders = new HolderConcentration(chain.web3j(), limits.maxLogBlocks(), limits.logWindow(), limits.maxLogs());
    }

    /** Every check. */
    public TokenRiskReport assess(String token, String quoteToken, BigInteger sizeInQuoteUnits) {
        return assess(token, quoteToken, sizeInQuoteUnits, EnumSet.allOf(Check.class));
    }

    /**
     * @param token            the token a bot would buy
     * @param quoteToken       what it pays with
     * @param sizeInQuoteUnits how much it would pay, in the quote token's units (for liquidity and price impact)
     * @param checks           the analysis to run (a fast lane runs fewer)
     */
    public TokenRiskReport assess(String token, String quoteToken, BigInteger sizeInQuoteUnits, Set<Check> checks) {
        BigInteger block = chain.blockNumber();
        byte[] code = code(token);
        if (code.length == 0) {  // nothing to ask: every other check would read a contract that is not there
            return TokenRiskReport.of(token, block, List.of(new RiskFactor(Check.PRIVILEGES, Verdict.FAIL,
                    RiskFactors.FAIL, "no contract", "there is no contract code at this address on this network")));
        }
        List<RiskFactor> factors = new ArrayList<>();
        if (checks.contains(Check.LIQUIDITY)) factors.add(RiskFactors.liquidity(liquidity(token, quoteToken, sizeInQuoteUnits)));
        if (checks.contains(Check.HONEYPOT) || checks.contains(Check.TRANSFER_TAX)) {
            Simulation simulation = simulate(token, quoteToken, block);
            Optional<HoneypotResult> simulated = simulation.result();
            boolean isWeth = token.equalsIgnoreCase(contracts.weth());
            if (checks.contains(Check.HONEYPOT)) factors.add(RiskFactors.honeypot(simulated, simulation.whyNot(), isWeth));
            if (checks.contains(Check.TRANSFER_TAX)) factors.add(RiskFactors.transferTax(simulated, isWeth));
        }
        if (checks.contains(Check.PRIVILEGES)) factors.add(RiskFactors.privileges(code));
        Optional<BigInteger> created = checks.contains(Check.CONTRACT_AGE) || checks.contains(Check.HOLDERS)
                ? age.creationBlock(token, block) : Optional.empty();
        if (checks.contains(Check.CONTRACT_AGE)) {
            factors.add(RiskFactors.contractAge(created.map(b -> age.timestamp(block) - age.timestamp(b)),
                    created.orElse(null), limits.maxAgeCalls()));
        }
        if (checks.contains(Check.HOLDERS)) factors.add(holders(token, quoteToken, created, block));
        factors.sort(java.util.Comparator.comparing(RiskFactor::check));
        return TokenRiskReport.of(token, block, factors);
    }

    /** The best route for buying the token with the size, and the V2 pool's quote-token depth when there is one. */
    record Liquidity(BigInteger size, Optional<Quote> best, Optional<BigInteger> v2QuoteReserve) {
    }

    private Liquidity liquidity(String token, String quoteToken, BigInteger size) {
        Optional<Quote> best = quoter.best(quoteToken, token, size);
        Optional<BigInteger> depth = quoter.pools().v2Reserves(quoteToken, token).map(r -> r.reserveOf(quoteToken));
        return new Liquidity(size, best, depth);
    }

    /** The simulation's result, or why there is none. */
    record Simulation(Optional<HoneypotResult> result, String whyNot) {
        static Simulation none(String why) {
            return new Simulation(Optional.empty(), why);
        }
    }

    /**
     * The honeypot simulation through V2: WETH → token when that pool exists, else WETH → quote → token. None when
     * neither path has pools (the token trades only on V3, or not at all), the token is WETH itself, or the node
     * refused the call (its words are kept).
     */
    private Simulation simulate(String token, String quoteToken, BigInteger block) {
        String weth = contracts.weth();
        if (token.equalsIgnoreCase(weth)) return Simulation.none("the token is WETH");
        List<String> path;
        if (quoter.pools().v2Pair(weth, token).isPresent()) {
            path = List.of(weth, token);
        } else if (!quoteToken.equalsIgnoreCase(weth) && quoter.pools().v2Pair(quoteToken, token).isPresent()
                && quoter.pools().v2Pair(weth, quoteToken).isPresent()) {
            path = List.of(weth, quoteToken, token);
        } else {
            return Simulation.none("no Uniswap V2 pool links this token to WETH, so a buy and sell could not be simulated");
        }
        try {
            return new Simulation(Optional.of(probe.run(contracts.v2Router(), path, limits.probeWei(), weth, block)), null);
        } catch (IllegalStateException e) {
            return Simulation.none(e.getMessage());
        }
    }

    private byte[] code(String token) {
        try {
            return Numeric.hexStringToByteArray(chain.web3j().ethGetCode(token, DefaultBlockParameterName.LATEST)
                    .send().getCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RiskFactor holders(String token, String quoteToken, Optional<BigInteger> created, BigInteger block) {
        if (created.isEmpty()) {
            return new RiskFactor(Check.HOLDERS, Verdict.UNKNOWN, 0, "unknown",
                    "the creation block is unknown, so the token's transfers cannot be read from its start");
        }
        Set<String> pools = new HashSet<>();
        quoter.pools().v2Pair(quoteToken, token).ifPresent(pools::add);
        quoter.pools().v2Pair(contracts.weth(), token).ifPresent(pools::add);
        for (int fee : Route.V3_FEE_TIERS) quoter.pools().v3Pool(quoteToken, token, fee).ifPresent(pools::add);
        var outcome = holders.read(token, created.get(), block, pools, TOP_HOLDERS);
        BigInteger supply = Abi.uint(Abi.decode(chain.call(token, Abi.call("totalSupply()")),
                new TypeReference<Uint256>() {}).getFirst());
        return RiskFactors.holders(outcome, supply);
    }

    static BigDecimal percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros();
    }
}
