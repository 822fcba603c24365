package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.TransactionSender;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;

/**
 * Live exact-in swaps through Uniswap's routers: approve (exact or capped) when the allowance is short, then
 * V2 {@code swapExactTokensForTokens} or V3 {@code exactInputSingle} with amountOutMin from the user's slippage and a
 * deadline. A swap the router would refuse (slippage breached, deadline passed) fails at gas estimation with the
 * router's reason, before anything is broadcast.
 */
public final class UniswapSwapper {
    static final String TRANSFER_TOPIC = Abi.topic("Transfer(address,address,uint256)");
    private static final String V3_EXACT_INPUT_SINGLE =
            "exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))";

    private final ChainReader chain;
    private final UniswapContracts contracts;

    public UniswapSwapper(ChainReader chain, UniswapContracts contracts) {
        this.chain = chain;
        this.contracts = contracts;
    }

    /** Swaps {@code quote.amountIn()} of tokenIn on the quote's route; tokenOut goes to the wallet. */
    public SwapResult swap(TransactionSender wallet, Quote quote, SwapTerms terms, Approval approval) {
        String router = quote.route().protocol() == Route.Protocol.V2 ? contracts.v2Router() : contracts.v3SwapRouter();
        BigInteger minOut = terms.minimumOut(quote.amountOut());
        List<TransactionReceipt> approvals = ensureAllowance(wallet, quote.tokenIn(), router,
                quote.amountIn(), approval);
        String data = quote.route().protocol() == Route.Protocol.V2
                ? Abi.call("swapExactTokensForTokens(uint256,uint256,address[],address,uint256)",
                        u256(quote.amountIn()), u256(minOut),
                        new DynamicArray<>(Address.class, addr(quote.tokenIn()), addr(quote.tokenOut())),
                        addr(wallet.address()), u256(terms.deadlineSeconds()))
                : Abi.call(V3_EXACT_INPUT_SINGLE, addr(quote.tokenIn()), addr(quote.tokenOut()),
                        new Uint24(quote.route().feePips()), addr(wallet.address()), u256(terms.deadlineSeconds()),
                        u256(quote.amountIn()), u256(minOut), new Uint160(0));
        TransactionReceipt receipt = wallet.send(router, data, BigInteger.ZERO);
        BigInteger fees = fee(receipt);
        for (TransactionReceipt a : approvals) fees = fees.add(fee(a));
        return new SwapResult(receipt.getTransactionHash(), quote.route(),
                transferred(receipt, quote.tokenIn(), wallet.address(), true),
                transferred(receipt, quote.tokenOut(), wallet.address(), false),
                minOut, fees, approvals.stream().map(TransactionReceipt::getTransactionHash).toList());
    }

    /**
     * Approves when the allowance is below amountIn. Some tokens (USDT) refuse to change a non-zero allowance to
     * another non-zero one, so a short non-zero allowance is reset to 0 first.
     */
    private List<TransactionReceipt> ensureAllowance(TransactionSender wallet, String token, String spender,
                                                     BigInteger amountIn, Approval approval) {
        BigInteger allowance = new Erc20(chain, token).allowance(wallet.address(), spender);
        List<TransactionReceipt> receipts = new ArrayList<>();
        if (allowance.compareTo(amountIn) >= 0) return receipts;
        if (allowance.signum() > 0) receipts.add(wallet.send(token, Erc20.approve(spender, BigInteger.ZERO), BigInteger.ZERO));
        receipts.add(wallet.send(token, Erc20.approve(spender, approval.amountFor(amountIn)), BigInteger.ZERO));
        return receipts;
    }

    /** The sum of {@code token}'s Transfer logs from (outgoing) or to (incoming) {@code wallet} in the receipt. */
    static BigInteger transferred(TransactionReceipt receipt, String token, String wallet, boolean outgoing) {
        BigInteger total = BigInteger.ZERO;
        for (Log log : receipt.getLogs()) {
            List<String> topics = log.getTopics();
            if (!log.getAddress().equalsIgnoreCase(token) || topics.size() != 3
                    || !topics.get(0).equalsIgnoreCase(TRANSFER_TOPIC)) continue;
            String party = "0x" + topics.get(outgoing ? 1 : 2).substring(26);
            if (party.equalsIgnoreCase(wallet)) total = total.add(Numeric.toBigInt(log.getData()));
        }
        return total;
    }

    static BigInteger fee(TransactionReceipt receipt) {
        return receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
    }
}
