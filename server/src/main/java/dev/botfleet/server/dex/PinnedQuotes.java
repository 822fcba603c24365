package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.uniswap.Route;
import dev.botfleet.dex.uniswap.UniswapContracts;
import dev.botfleet.dex.uniswap.UniswapPools;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;

/**
 * What the Uniswap contracts answer by eth_call at one given block, for both ways a bot trades: selling an exact
 * amount (V2 router getAmountsOut, V3 QuoterV2 quoteExactInputSingle) and buying an exact amount (getAmountsIn,
 * quoteExactOutputSingle). Pinning the block makes a fill reproducible: anyone can ask the same question at the same
 * block and get the same numbers.
 */
final class PinnedQuotes {
    static final String V3_EXACT_IN = "quoteExactInputSingle((address,address,uint256,uint24,uint160))";
    static final String V3_EXACT_OUT = "quoteExactOutputSingle((address,address,uint256,uint24,uint160))";

    private final Web3j web3j;
    private final UniswapContracts contracts;
    private final UniswapPools pools;

    /**
     * One route's answer.
     *
     * @param gasEstimate the quoter's gas figure (V3), 0 when the route gives none (V2)
     */
    record Swap(Route route, BigInteger amountIn, BigInteger amountOut, long gasEstimate, BigInteger block) {
    }

    PinnedQuotes(Web3j web3j, UniswapContracts contracts) {
        this.web3j = web3j;
        this.contracts = contracts;
        this.pools = new UniswapPools(new ChainReader(web3j), contracts);
    }

    BigInteger blockNumber() {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BigInteger gasPrice() {
        try {
            return web3j.ethGasPrice().send().getGasPrice();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The route paying the most tokenOut for exactly amountIn, at the block. */
    Optional<Swap> exactIn(String tokenIn, String tokenOut, BigInteger amountIn, BigInteger block) {
        List<Swap> swaps = new ArrayList<>();
        if (pools.v2Pair(tokenIn, tokenOut).isPresent()) {
            call(contracts.v2Router(), Abi.call("getAmountsOut(uint256,address[])", u256(amountIn), path(tokenIn, tokenOut)),
                    block).map(PinnedQuotes::lastOfArray)
                    .ifPresent(out -> swaps.add(new Swap(Route.V2, amountIn, out, 0, block)));
        }
        for (int fee : Route.V3_FEE_TIERS) {
            if (pools.v3Pool(tokenIn, tokenOut, fee).isEmpty()) continue;
            v3(V3_EXACT_IN, tokenIn, tokenOut, amountIn, fee, block)
                    .ifPresent(a -> swaps.add(new Swap(Route.v3(fee), amountIn, Abi.uint(a.get(0)),
                            Abi.uint(a.get(3)).longValueExact(), block)));
        }
        return swaps.stream().filter(s -> s.amountOut().signum() > 0).max(Comparator.comparing(Swap::amountOut));
    }

    /** The route asking the least tokenIn for exactly amountOut, at the block. */
    Optional<Swap> exactOut(String tokenIn, String tokenOut, BigInteger amountOut, BigInteger block) {
        List<Swap> swaps = new ArrayList<>();
        if (pools.v2Pair(tokenIn, tokenOut).isPresent()) {
            call(contracts.v2Router(), Abi.call("getAmountsIn(uint256,address[])", u256(amountOut), path(tokenIn, tokenOut)),
                    block).map(PinnedQuotes::firstOfArray)
                    .ifPresent(in -> swaps.add(new Swap(Route.V2, in, amountOut, 0, block)));
        }
        for (int fee : Route.V3_FEE_TIERS) {
            if (pools.v3Pool(tokenIn, tokenOut, fee).isEmpty()) continue;
            v3(V3_EXACT_OUT, tokenIn, tokenOut, amountOut, fee, block)
                    .ifPresent(a -> swaps.add(new Swap(Route.v3(fee), Abi.uint(a.get(0)), amountOut,
                            Abi.uint(a.get(3)).longValueExact(), block)));
        }
        return swaps.stream().filter(s -> s.amountIn().signum() > 0).min(Comparator.comparing(Swap::amountIn));
    }

    private Optional<List<Type>> v3(String signature, String tokenIn, String tokenOut, BigInteger amount, int fee,
                                    BigInteger block) {
        return call(contracts.v3Quoter(), Abi.call(signature, addr(tokenIn), addr(tokenOut), u256(amount),
                new Uint24(fee), new Uint160(0)), block)
                .map(answer -> Abi.decode(answer, new TypeReference<Uint256>() {}, new TypeReference<Uint160>() {},
                        new TypeReference<Uint32>() {}, new TypeReference<Uint256>() {}));
    }

    /** The call's return data, or empty when the contract reverts (no liquidity for this size, no pool). */
    private Optional<String> call(String to, String data, BigInteger block) {
        try {
            EthCall answer = web3j.ethCall(Transaction.createEthCallTransaction(ChainReader.NOBODY, to, data),
                    DefaultBlockParameter.valueOf(block)).send();
            if (answer.hasError() || answer.isReverted() || answer.getValue() == null
                    || answer.getValue().length() <= 2) return Optional.empty();
            return Optional.of(answer.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DynamicArray<org.web3j.abi.datatypes.Address> path(String from, String to) {
        return new DynamicArray<>(org.web3j.abi.datatypes.Address.class, addr(from), addr(to));
    }

    @SuppressWarnings("unchecked")
    private static List<Uint256> amounts(String answer) {
        return (List<Uint256>) Abi.decode(answer, new TypeReference<DynamicArray<Uint256>>() {}).getFirst().getValue();
    }

    private static BigInteger lastOfArray(String answer) {
        return amounts(answer).getLast().getValue();
    }

    private static BigInteger firstOfArray(String answer) {
        return amounts(answer).getFirst().getValue();
    }
}
