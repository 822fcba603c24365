package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.uniswap.Route;
import dev.botfleet.dex.uniswap.UniswapContracts;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;

/**
 * The router calls of a LIVE DEX bot's market orders. A BUY of q base tokens is an exact-OUTPUT swap (V2
 * {@code swapTokensForExactTokens}, V3 {@code exactOutputSingle}), so the bot receives exactly q and pays at most
 * amountInMax; a SELL of q is an exact-input swap paying at least amountOutMin. Either way the order's quantity is
 * what the wallet's balance moves by, to the token unit.
 */
final class LiveSwapCall {
    static final String TRANSFER_TOPIC = Abi.topic("Transfer(address,address,uint256)");

    private LiveSwapCall() {
    }

    static String router(UniswapContracts contracts, Route route) {
        return route.protocol() == Route.Protocol.V2 ? contracts.v2Router() : contracts.v3SwapRouter();
    }

    static String exactOutput(Route route, String tokenIn, String tokenOut, BigInteger amountOut, BigInteger amountInMax,
                              String wallet, BigInteger deadline) {
        if (route.protocol() == Route.Protocol.V2) {
            return Abi.call("swapTokensForExactTokens(uint256,uint256,address[],address,uint256)", u256(amountOut),
                    u256(amountInMax), new DynamicArray<>(Address.class, addr(tokenIn), addr(tokenOut)), addr(wallet),
                    u256(deadline));
        }
        return Abi.call("exactOutputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
                addr(tokenIn), addr(tokenOut), new Uint24(route.feePips()), addr(wallet), u256(deadline),
                u256(amountOut), u256(amountInMax), new Uint160(0));
    }

    static String exactInput(Route route, String tokenIn, String tokenOut, BigInteger amountIn, BigInteger amountOutMin,
                             String wallet, BigInteger deadline) {
        if (route.protocol() == Route.Protocol.V2) {
            return Abi.call("swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", u256(amountIn),
                    u256(amountOutMin), new DynamicArray<>(Address.class, addr(tokenIn), addr(tokenOut)), addr(wallet),
                    u256(deadline));
        }
        return Abi.call("exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
                addr(tokenIn), addr(tokenOut), new Uint24(route.feePips()), addr(wallet), u256(deadline),
                u256(amountIn), u256(amountOutMin), new Uint160(0));
    }

    /** The sum of {@code token}'s Transfer logs from (outgoing) or to (incoming) {@code wallet} in the receipt. */
    static BigInteger transferred(TransactionReceipt receipt, String token, String wallet, boolean outgoing) {
        BigInteger total = BigInteger.ZERO;
        for (Log log : receipt.getLogs()) {
            var topics = log.getTopics();
            if (!log.getAddress().equalsIgnoreCase(token) || topics.size() != 3
                    || !topics.get(0).equalsIgnoreCase(TRANSFER_TOPIC)) continue;
            String party = "0x" + topics.get(outgoing ? 1 : 2).substring(26);
            if (party.equalsIgnoreCase(wallet)) total = total.add(Numeric.toBigInt(log.getData()));
        }
        return total;
    }

    /** What the chain charged: gas used × effective gas price, in wei. */
    static BigInteger gasFee(TransactionReceipt receipt) {
        return receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
    }
}
