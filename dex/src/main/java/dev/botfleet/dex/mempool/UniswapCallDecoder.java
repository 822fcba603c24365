package dev.botfleet.dex.mempool;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.uniswap.UniswapContracts;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Reads one function's arguments. */
    private interface Reader {
        List<DecodedCall> read(Call call);
    }

    private final UniswapContracts contracts;
    private final Map<String, Reader> v2Router = new HashMap<>();
    private final Map<String, Reader> v3Router = new HashMap<>();
    private final Map<String, Reader> positions = new HashMap<>();

    UniswapCallDecoder(UniswapContracts contracts) {
        this.contracts = contracts;
        String exactIn = "(uint256,uint256,address[],address,uint256)";   // amountIn, amountOutMin, path, to, deadline
        String exactOut = "(uint256,uint256,address[],address,uint256)";  // amountOut, amountInMax, path, to, deadline
        String ethIn = "(uint256,address[],address,uint256)";             // amountOutMin or amountOut, path, to, deadline
        String ethRemoval = "(address,uint256,uint256,uint256,address,uint256)";
        String permit = "bool,uint8,bytes32,bytes32)";
        v2Router.put(sel("swapExactTokensForTokens" + exactIn), this::v2ExactIn);
        v2Router.put(sel("swapExactTokensForETH" + exactIn), this::v2ExactIn);
        v2Router.put(sel("swapExactTokensForTokensSupportingFeeOnTransferTokens" + exactIn), this::v2ExactIn);
        v2Router.put(sel("swapExactTokensForETHSupportingFeeOnTransferTokens" + exactIn), this::v2ExactIn);
        v2Router.put(sel("swapExactETHForTokens" + ethIn), this::v2ExactEthIn);
        v2Router.put(sel("swapExactETHForTokensSupportingFeeOnTransferTokens" + ethIn), this::v2ExactEthIn);
        v2Router.put(sel("swapTokensForExactTokens" + exactOut), this::v2ExactOut);
        v2Router.put(sel("swapTokensForExactETH" + exactOut), this::v2ExactOut);
        v2Router.put(sel("swapETHForExactTokens" + ethIn), this::v2EthForExactOut);
        v2Router.put(sel("addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)"),
                c -> List.of(new DecodedCall.V2Addition(c.args.address(0), c.args.address(1), c.args.uint(2),
                        c.args.uint(3))));
        v2Router.put(sel("addLiquidityETH" + ethRemoval), c -> List.of(new DecodedCall.V2Addition(c.args.address(0),
                contracts.weth(), c.args.uint(1), c.value)));
        v2Router.put(sel("removeLiquidity(address,address,uint256,uint256,uint256,address,uint256)"), this::v2Removal);
        v2Router.put(sel("removeLiquidityWithPermit(address,address,uint256,uint256,uint256,address,uint256," + permit),
                this::v2Removal);
        v2Router.put(sel("removeLiquidityETH" + ethRemoval), this::v2EthRemoval);
        v2Router.put(sel("removeLiquidityETHSupportingFeeOnTransferTokens" + ethRemoval), this::v2EthRemoval);
        String ethRemovalWithPermit = ethRemoval.substring(0, ethRemoval.length() - 1) + "," + permit;
        v2Router.put(sel("removeLiquidityETHWithPermit" + ethRemovalWithPermit), this::v2EthRemoval);
        v2Router.put(sel("removeLiquidityETHWithPermitSupportingFeeOnTransferTokens" + ethRemovalWithPermit),
                this::v2EthRemoval);

        // (tokenIn, tokenOut, fee, recipient, deadline, amountIn|amountOut, amountOutMinimum|amountInMaximum, limit)
        String single = "((address,address,uint24,address,uint256,uint256,uint256,uint160))";
        v3Router.put(sel("exactInputSingle" + single), c -> List.of(new DecodedCall.V3Swap(c.args.address(0),
                c.args.address(1), c.args.uint(2).intValueExact(), true, c.args.uint(5), c.args.uint(6))));
        v3Router.put(sel("exactOutputSingle" + single), c -> List.of(new DecodedCall.V3Swap(c.args.address(0),
                c.args.address(1), c.args.uint(2).intValueExact(), false, c.args.uint(5), c.args.uint(6))));
        v3Router.put(sel("exactInput((bytes,address,uint256,uint256,uint256))"), c -> v3Path(c.args.tuple(0), true));
        v3Router.put(sel("exactOutput((bytes,address,uint256,uint256,uint256))"), c -> v3Path(c.args.tuple(0), false));
        v3Router.put(MULTICALL, c -> multicall(c, v3Router));

        positions.put(sel("mint((address,address,uint24,int24,int24,uint256,uint256,uint256,uint256,address,uint256))"),
                c -> List.of(new DecodedCall.V3Mint(c.args.address(0), c.args.address(1), c.args.uint(2).intValueExact(),
                        c.args.uint(5), c.args.uint(6))));
        positions.put(sel("increaseLiquidity((uint256,uint256,uint256,uint256,uint256,uint256))"),
                c -> List.of(new DecodedCall.V3Increase(c.args.uint(0), c.args.uint(1), c.args.uint(2))));
        positions.put(sel("decreaseLiquidity((uint256,uint128,uint256,uint256,uint256))"),
                c -> List.of(new DecodedCall.V3Decrease(c.args.uint(0), c.args.uint(1))));
        positions.put(MULTICALL, c -> multicall(c, positions));
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

    private Map<String, Reader> tableFor(String to) {
        if (to.equalsIgnoreCase(contracts.v2Router())) return v2Router;
        if (to.equalsIgnoreCase(contracts.v3SwapRouter())) return v3Router;
        if (contracts.v3PositionManager() != null && to.equalsIgnoreCase(contracts.v3PositionManager())) return positions;
        return Map.of(PAIR_SWAP, c -> List.of(new DecodedCall.PairSwap(to, c.args.uint(0), c.args.uint(1))));
    }

    private List<DecodedCall> decode(Map<String, Reader> table, byte[] input, BigInteger value) {
        Reader reader = table.get(Calldata.selector(input));
        return reader == null ? List.of() : reader.read(new Call(Calldata.arguments(input), value));
    }

    /** multicall(bytes[]): each element is a whole call to the same contract (the ether value is shared). */
    private List<DecodedCall> multicall(Call call, Map<String, Reader> table) {
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
