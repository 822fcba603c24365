package dev.botfleet.dex.mempool;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.uniswap.UniswapContracts;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static java.util.Map.entry;

/**
 * Reads a pending transaction's calldata into {@link DecodedCall}s, by the contract it is sent to: Uniswap V2's
 * Router02 (every swap and liquidity function, fee-on-transfer and permit variants included), V3's SwapRouter
 * (exactInput/exactOutput, single and multi-hop, inside {@code multicall} too), the NonfungiblePositionManager (mint,
 * increaseLiquidity, decreaseLiquidity, multicall), and any other address as a possible V2 pair ({@code swap}).
 * Anything else — another function, calldata too short or with offsets out of range — decodes to nothing.
 */
final class UniswapCallDecoder {
    private static final BigInteger NO_LIMIT = null;
    private static final String MULTICALL = Abi.selector("multicall(bytes[])");
    private static final String PAIR_SWAP = Abi.selector("swap(uint256,uint256,address,bytes)");

    private record Call(Calldata args, BigInteger value) {}

    private final UniswapContracts contracts;
    private final Map<String, BiFunction<UniswapCallDecoder, Call, List<DecodedCall>>> v2Router;
    private final Map<String, BiFunction<UniswapCallDecoder, Call, List<DecodedCall>>> v3Router;
    private final Map<String, BiFunction<UniswapCallDecoder, Call, List<DecodedCall>>> positions;

    UniswapCallDecoder(UniswapContracts contracts) {
        this.contracts = contracts;
        this.v2Router = Map.ofEntries(
                entry(sel("swapExactTokensForTokens(uint256,uint256,address[],address,uint256)"), UniswapCallDecoder::v2ExactIn),
                entry(sel("swapExactTokensForETH(uint256,uint256,address[],address,uint256)"), UniswapCallDecoder::v2ExactIn),
                entry(sel("swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)"), UniswapCallDecoder::v2ExactIn),
                entry(sel("swapExactTokensForETHSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)"), UniswapCallDecoder::v2ExactIn),
                entry(sel("swapExactETHForTokens(uint256,address[],address,uint256)"), UniswapCallDecoder::v2ExactEthIn),
                entry(sel("swapExactETHForTokensSupportingFeeOnTransferTokens(uint256,address[],address,uint256)"), UniswapCallDecoder::v2ExactEthIn),
                entry(sel("swapTokensForExactTokens(uint256,uint256,address[],address,uint256)"), UniswapCallDecoder::v2ExactOut),
                entry(sel("swapTokensForExactETH(uint256,uint256,address[],address,uint256)"), UniswapCallDecoder::v2ExactOut),
                entry(sel("swapETHForExactTokens(uint256,address[],address,uint256)"), UniswapCallDecoder::v2EthForExactOut),
                entry(sel("addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)"),
                        (d, c) -> List.of(new DecodedCall.V2Addition(c.args.address(0), c.args.address(1), c.args.uint(2), c.args.uint(3)))),
                entry(sel("addLiquidityETH(address,uint256,uint256,uint256,address,uint256)"),
                        (d, c) -> List.of(new DecodedCall.V2Addition(c.args.address(0), d.contracts.weth(), c.args.uint(1), c.value))),
                entry(sel("removeLiquidity(address,address,uint256,uint256,uint256,address,uint256)"), UniswapCallDecoder::v2Removal),
                entry(sel("removeLiquidityWithPermit(address,address,uint256,uint256,uint256,address,uint256,bool,uint8,bytes32,bytes32)"), UniswapCallDecoder::v2Removal),
                entry(sel("removeLiquidityETH(address,uint256,uint256,uint256,address,uint256)"), UniswapCallDecoder::v2EthRemoval),
                entry(sel("removeLiquidityETHWithPermit(address,uint256,uint256,uint256,address,uint256,bool,uint8,bytes32,bytes32)"), UniswapCallDecoder::v2EthRemoval),
                entry(sel("removeLiquidityETHSupportingFeeOnTransferTokens(address,uint256,uint256,uint256,address,uint256)"), UniswapCallDecoder::v2EthRemoval),
                entry(sel("removeLiquidityETHWithPermitSupportingFeeOnTransferTokens(address,uint256,uint256,uint256,address,uint256,bool,uint8,bytes32,bytes32)"), UniswapCallDecoder::v2EthRemoval));
        this.v3Router = Map.of(
                sel("exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))"),
                (d, c) -> List.of(new DecodedCall.V3Swap(c.args.address(0), c.args.address(1), c.args.uint(2).intValueExact(),
                        true, c.args.uint(5), c.args.uint(6))),
                sel("exactOutputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))"),
                (d, c) -> List.of(new DecodedCall.V3Swap(c.args.address(0), c.args.address(1), c.args.uint(2).intValueExact(),
                        false, c.args.uint(5), c.args.uint(6))),
                sel("exactInput((bytes,address,uint256,uint256,uint256))"), (d, c) -> v3Path(c.args.tuple(0), true),
                sel("exactOutput((bytes,address,uint256,uint256,uint256))"), (d, c) -> v3Path(c.args.tuple(0), false),
                MULTICALL, (d, c) -> d.multicall(c, d.v3Router));
        this.positions = Map.of(
                sel("mint((address,address,uint24,int24,int24,uint256,uint256,uint256,uint256,address,uint256))"),
                (d, c) -> List.of(new DecodedCall.V3Mint(c.args.address(0), c.args.address(1), c.args.uint(2).intValueExact(),
                        c.args.uint(5), c.args.uint(6))),
                sel("increaseLiquidity((uint256,uint256,uint256,uint256,uint256,uint256))"),
                (d, c) -> List.of(new DecodedCall.V3Increase(c.args.uint(0), c.args.uint(1), c.args.uint(2))),
                sel("decreaseLiquidity((uint256,uint128,uint256,uint256,uint256))"),
                (d, c) -> List.of(new DecodedCall.V3Decrease(c.args.uint(0), c.args.uint(1))),
                MULTICALL, (d, c) -> d.multicall(c, d.positions));
    }

    /** What a transaction to {@code to} with this calldata and ether value asks of Uniswap; empty if nothing known. */
    List<DecodedCall> decode(String to, String inputHex, BigInteger value) {
        if (to == null || inputHex == null) return List.of();  // contract creation, or no data
        try {
            byte[] input = Numeric.hexStringToByteArray(inputHex);
            if (input.length < 4) return List.of();
            return decode(tableFor(to), input, value);
        } catch (Calldata.MalformedCalldataException | ArithmeticException | IllegalArgumentException e) {
            return List.of();  // not a well-formed call of the function its selector names: nothing we can read
        }
    }

    private Map<String, BiFunction<UniswapCallDecoder, Call, List<DecodedCall>>> tableFor(String to) {
        if (to.equalsIgnoreCase(contracts.v2Router())) return v2Router;
        if (to.equalsIgnoreCase(contracts.v3SwapRouter())) return v3Router;
        if (contracts.v3PositionManager() != null && to.equalsIgnoreCase(contracts.v3PositionManager())) return positions;
        return Map.of(PAIR_SWAP, (d, c) -> List.of(new DecodedCall.PairSwap(to, c.args.uint(0), c.args.uint(1))));
    }

    private List<DecodedCall> decode(Map<String, BiFunction<UniswapCallDecoder, Call, List<DecodedCall>>> table,
                                     byte[] input, BigInteger value) {
        var decoder = table.get(Calldata.selector(input));
        return decoder == null ? List.of() : decoder.apply(this, new Call(Calldata.arguments(input), value));
    }

    /** multicall(bytes[]): each element is a whole call to the same contract (the ether value is shared). */
    private List<DecodedCall> multicall(Call call,
                                        Map<String, BiFunction<UniswapCallDecoder, Call, List<DecodedCall>>> table) {
        List<DecodedCall> out = new ArrayList<>();
        for (byte[] inner : call.args.bytesArray(0)) {
            if (inner.length >= 4) out.addAll(decode(table, inner, call.value));
        }
        return out;
    }

    private List<DecodedCall> v2ExactIn(Call c) {
        return List.of(new DecodedCall.V2Swap(c.args.addresses(2), true, c.args.uint(0), c.args.uint(1)));
    }

    private List<DecodedCall> v2ExactEthIn(Call c) {
        return List.of(new DecodedCall.V2Swap(c.args.addresses(1), true, c.value, c.args.uint(0)));
    }

    private List<DecodedCall> v2ExactOut(Call c) {
        return List.of(new DecodedCall.V2Swap(c.args.addresses(2), false, c.args.uint(0), c.args.uint(1)));
    }

    private List<DecodedCall> v2EthForExactOut(Call c) {
        return List.of(new DecodedCall.V2Swap(c.args.addresses(1), false, c.args.uint(0), c.value));
    }

    private List<DecodedCall> v2Removal(Call c) {
        return List.of(new DecodedCall.V2Removal(c.args.address(0), c.args.address(1), c.args.uint(2)));
    }

    private List<DecodedCall> v2EthRemoval(Call c) {
        return List.of(new DecodedCall.V2Removal(c.args.address(0), contracts.weth(), c.args.uint(1)));
    }

    /**
     * A V3 path is token (20 bytes), fee (3 bytes), token, fee, ... token; exactOutput's runs backwards (from the
     * token out). Only the hop at the known end has a size from the calldata: exact-in's first, exact-out's last
     * (the first encoded); other hops are not reported (their sizes need a quote, see docs/dex-mempool.md).
     */
    private static List<DecodedCall> v3Path(Calldata params, boolean exactIn) {
        byte[] path = params.bytes(0);
        if (path.length < 43 || (path.length - 20) % 23 != 0) throw new Calldata.MalformedCalldataException("bad V3 path");
        String first = Numeric.toHexString(path, 0, 20, true);
        int fee = ((path[20] & 0xff) << 16) | ((path[21] & 0xff) << 8) | (path[22] & 0xff);
        String second = Numeric.toHexString(path, 23, 20, true);
        BigInteger amount = params.uint(3);
        BigInteger limit = path.length == 43 ? params.uint(4) : NO_LIMIT;
        return List.of(exactIn
                ? new DecodedCall.V3Swap(first, second, fee, true, amount, limit)
                : new DecodedCall.V3Swap(second, first, fee, false, amount, limit));
    }

    private static String sel(String signature) {
        return Abi.selector(signature);
    }
}
