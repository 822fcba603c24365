package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.chain.ContractRevertedException;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.tx.TxRecord;
import dev.botfleet.dex.tx.TxStatus;
import dev.botfleet.dex.uniswap.UniswapContracts;
import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A LIVE DEX bot's exchange: a market order becomes real transactions from the owner's wallet. The order is
 * journaled (SUBMITTED) by the kernel before this port sees it; every transaction it signs is journaled (the JDBC
 * transaction journal, stamped with the order's client order id) before it is broadcast. The fill is read from the
 * mined receipt: the tokens that moved (Transfer logs, exact units) and the gas the chain charged (gasUsed ×
 * effectiveGasPrice of the swap and its approvals) as the fill's fee, converted into the quote token.
 *
 * <p>Idempotent by client order id, across restarts too: an order whose swap is in the journal is never swapped
 * again — its transaction is followed (same signed bytes re-sent if the node never got them) and its receipt read.
 */
final class DexLivePort implements ExchangePort {
    private static final int PRICE_SCALE = 18;
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private final DexMarket market;
    private final UniswapContracts contracts;
    private final PinnedQuotes quotes;
    private final ChainReader reader;
    private final DexWalletStack wallet;
    private final UUID ownerId;
    private final UUID botId;
    private final int slippageBps;
    private final Supplier<BigDecimal> lastPrice;
    private final DexBuyChecks checks;
    private final Clock clock;
    private final ExecutionListener listener;
    private final Map<String, OrderReport> received = new HashMap<>();

    DexLivePort(DexMarket market, UniswapContracts contracts, PinnedQuotes quotes, ChainReader reader,
                DexWalletStack wallet, UUID ownerId, UUID botId, int slippageBps, Supplier<BigDecimal> lastPrice,
                DexBuyChecks checks, Clock clock, ExecutionListener listener) {
        this.checks = checks;
        this.market = market;
        this.contracts = contracts;
        this.quotes = quotes;
        this.reader = reader;
        this.wallet = wallet;
        this.ownerId = ownerId;
        this.botId = botId;
        this.slippageBps = slippageBps;
        this.lastPrice = lastPrice;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public String exchange() {
        return market.exchange();
    }

    @Override
    public void submit(OrderSnapshot order) {
        String id = order.clientOrderId();
        if (received.containsKey(id)) return;
        Optional<OrderReport> known = fromJournal(order);
        if (known.isPresent()) {  // swapped before a restart: follow that transaction, never sign another
            deliver(known.get());
            return;
        }
        if (order.type() != OrderType.MARKET) {
            deliver(rejected(id, "a LIVE DEX bot takes market orders only (a swap at the pool's price), not " + order.type()));
            return;
        }
        OrderReport report;
        try {
            // nothing is signed for a buy the mempool or the intelligence level holds back
            Optional<String> refused = checks.refuse(order, lastPrice.get());
            report = refused.isPresent() ? rejected(id, refused.get()) : swap(order);
        } catch (ContractRevertedException e) {
            report = rejected(id, "the swap was refused on chain: " + e.reason());
        } catch (RuntimeException e) {
            report = rejected(id, "the swap failed on " + market.network() + ": " + e.getMessage());
        }
        deliver(report);
    }

    private void deliver(OrderReport report) {
        received.put(report.clientOrderId(), report);
        if (report.status() == OrderStatus.REJECTED) {
            listener.onOrderEvent(new OrderEvent.OrderRejected(report.clientOrderId(), report.reason(), clock.instant()));
            return;
        }
        listener.onOrderEvent(new OrderEvent.OrderAccepted(report.clientOrderId(), report.exchangeOrderId(), clock.instant()));
        report.fills().forEach(listener::onOrderEvent);
    }

    /** Prices the swap at the current block, checks slippage and balance, approves exactly, swaps, reads the receipt. */
    private OrderReport swap(OrderSnapshot order) {
        String id = order.clientOrderId();
        boolean buy = order.side() == OrderSide.BUY;
        BigInteger amount = order.quantity().movePointRight(market.baseDecimals()).setScale(0, RoundingMode.DOWN)
                .toBigIntegerExact();
        BigInteger block = quotes.blockNumber();
        Optional<PinnedQuotes.Swap> found = buy
                ? quotes.exactOut(market.quoteToken(), market.baseToken(), amount, block)
                : quotes.exactIn(market.baseToken(), market.quoteToken(), amount, block);
        if (found.isEmpty()) {
            return rejected(id, "no Uniswap pool of " + market.symbol() + " can fill " + order.quantity().toPlainString()
                    + " " + market.baseSymbol() + " at block " + block);
        }
        PinnedQuotes.Swap quoted = found.get();
        BigInteger quoteAmount = buy ? quoted.amountIn() : quoted.amountOut();
        Optional<String> slipped = DexSlippage.beyond(market, lastPrice.get(), slippageBps, buy, amount, quoteAmount);
        if (slipped.isPresent()) return rejected(id, slipped.get());
        BigInteger tenThousand = BigInteger.valueOf(10_000);
        // the most the wallet pays (BUY) or the least it takes (SELL): the quote moved by the slippage tolerance
        BigInteger limit = buy ? quoteAmount.multiply(tenThousand.add(BigInteger.valueOf(slippageBps))).divide(tenThousand)
                : quoteAmount.multiply(tenThousand.subtract(BigInteger.valueOf(slippageBps))).divide(tenThousand);
        String tokenIn = buy ? market.quoteToken() : market.baseToken();
        BigInteger spend = buy ? limit : amount;
        BigInteger held = new Erc20(reader, tokenIn).balanceOf(wallet.wallet());
        if (held.compareTo(spend) < 0) {
            int decimals = buy ? market.quoteDecimals() : market.baseDecimals();
            return rejected(id, "the wallet holds " + new BigDecimal(held, decimals).toPlainString() + " "
                    + (buy ? market.quoteSymbol() : market.baseSymbol()) + ", the swap may need "
                    + new BigDecimal(spend, decimals).toPlainString());
        }
        String router = LiveSwapCall.router(contracts, quoted.route());
        approveExactly(id, tokenIn, router, spend);
        BigInteger deadline = BigInteger.valueOf(clock.instant().plus(DEADLINE).getEpochSecond());
        String data = buy
                ? LiveSwapCall.exactOutput(quoted.route(), tokenIn, market.baseToken(), amount, limit, wallet.wallet(), deadline)
                : LiveSwapCall.exactInput(quoted.route(), tokenIn, market.quoteToken(), amount, limit, wallet.wallet(), deadline);
        wallet.journal().stamp(new JdbcTxJournal.Origin(ownerId, botId, id, JdbcTxJournal.Purpose.SWAP));
        TransactionReceipt receipt = wallet.sender().send(router, data, BigInteger.ZERO);
        return filled(order, receipt.getTransactionHash());
    }

    /**
     * Approves exactly what this swap may take, when the allowance is short: never unlimited. A short non-zero
     * allowance is reset to 0 first (USDT refuses non-zero to non-zero).
     */
    private void approveExactly(String id, String token, String spender, BigInteger needed) {
        BigInteger allowance = new Erc20(reader, token).allowance(wallet.wallet(), spender);
        if (allowance.compareTo(needed) >= 0) return;
        wallet.journal().stamp(new JdbcTxJournal.Origin(ownerId, botId, id, JdbcTxJournal.Purpose.APPROVE));
        if (allowance.signum() > 0) wallet.sender().send(token, Erc20.approve(spender, BigInteger.ZERO), BigInteger.ZERO);
        wallet.sender().send(token, Erc20.approve(spender, needed), BigInteger.ZERO);
    }

    /**
     * The order's fill from the chain: its mined swap's Transfer logs, and the gas of every transaction the order
     * signed that was mined (approvals, the swap or its replacement) as the fee.
     */
    private OrderReport filled(OrderSnapshot order, String swapHash) {
        String id = order.clientOrderId();
        boolean buy = order.side() == OrderSide.BUY;
        TransactionReceipt swap = receipt(swapHash);
        BigInteger baseUnits = LiveSwapCall.transferred(swap, market.baseToken(), wallet.wallet(), !buy);
        BigInteger quoteUnits = LiveSwapCall.transferred(swap, market.quoteToken(), wallet.wallet(), buy);
        BigInteger gasWei = BigInteger.ZERO;
        List<TransactionReceipt> mined = new ArrayList<>();
        for (JdbcTxJournal.Stamped s : wallet.journal().ofOrder(botId, id)) {
            TxStatus status = s.record().status();
            if (status != TxStatus.CONFIRMED && status != TxStatus.FAILED && status != TxStatus.MINED) continue;
            TransactionReceipt r = receipt(s.record().hash());
            mined.add(r);
            gasWei = gasWei.add(LiveSwapCall.gasFee(r));
        }
        BigInteger fee = DexGas.inQuote(market, contracts.weth(), quotes, gasWei, baseUnits, quoteUnits,
                swap.getBlockNumber());
        for (TransactionReceipt r : mined) {  // each transaction's own share, for the transaction list
            BigInteger own = DexGas.inQuote(market, contracts.weth(), quotes, LiveSwapCall.gasFee(r), baseUnits,
                    quoteUnits, swap.getBlockNumber());
            wallet.journal().recordGas(r.getTransactionHash(), r.getGasUsed(),
                    org.web3j.utils.Numeric.decodeQuantity(r.getEffectiveGasPrice()),
                    new BigDecimal(own, market.quoteDecimals()), market.quoteSymbol());
        }
        BigDecimal quantity = new BigDecimal(baseUnits, market.baseDecimals());
        BigDecimal price = new BigDecimal(quoteUnits, market.quoteDecimals()).divide(quantity, PRICE_SCALE,
                RoundingMode.HALF_EVEN);
        OrderEvent.OrderFilled fill = new OrderEvent.OrderFilled(id, swap.getTransactionHash(), order.side(), price,
                quantity, new BigDecimal(fee, market.quoteDecimals()), market.quoteSymbol(), Liquidity.TAKER,
                clock.instant());
        return new OrderReport(id, swap.getTransactionHash(), OrderStatus.FILLED, quantity, List.of(fill), null);
    }

    /**
     * What the journal knows of the order: nothing (never signed: empty, the kernel may send it), or its swap — then
     * the swap is followed to its outcome (after {@code recover}, which re-sends the same signed bytes to a node that
     * never got them) and read back as a fill, or a rejection if it reverted.
     */
    private Optional<OrderReport> fromJournal(OrderSnapshot order) {
        List<TxRecord> swaps = new ArrayList<>();
        for (JdbcTxJournal.Stamped s : wallet.journal().ofOrder(botId, order.clientOrderId())) {
            if (s.purpose() == JdbcTxJournal.Purpose.SWAP) swaps.add(s.record());
        }
        if (swaps.isEmpty()) return Optional.empty();
        try {
            wallet.tracker().recover(wallet.wallet());
            TxRecord outcome = wallet.tracker().awaitOutcome(swaps.getFirst().hash(), Duration.ofMinutes(5),
                    Duration.ofMillis(250));
            if (outcome.status() == TxStatus.FAILED) {
                return Optional.of(rejected(order.clientOrderId(), "the swap was refused on chain: " + outcome.reason()));
            }
            return Optional.of(filled(order, outcome.hash()));
        } catch (IOException e) {
            throw new UncheckedIOException("following the swap of order " + order.clientOrderId(), e);
        }
    }

    private TransactionReceipt receipt(String hash) {
        try {
            return wallet.chain().receipt(hash).orElseThrow(() -> new IllegalStateException("no receipt for " + hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrderReport rejected(String id, String reason) {
        return new OrderReport(id, null, OrderStatus.REJECTED, BigDecimal.ZERO, List.of(), reason);
    }

    @Override
    public void cancel(String clientOrderId) {
        // A market order is swapped or refused within its submit: nothing is ever left to cancel.
        listener.onOrderEvent(new OrderEvent.OrderCancelRejected(clientOrderId, "a swap cannot be canceled",
                clock.instant()));
    }

    @Override
    public Optional<OrderReport> query(String clientOrderId) {
        return Optional.ofNullable(received.get(clientOrderId));
    }

    /** After a restart: an order whose swap was journaled is followed on chain and answered as filled or refused. */
    @Override
    public Optional<OrderReport> query(OrderSnapshot order) {
        OrderReport seen = received.get(order.clientOrderId());
        if (seen != null) return Optional.of(seen);
        Optional<OrderReport> known = fromJournal(order);
        known.ifPresent(r -> received.put(r.clientOrderId(), r));
        return known;
    }

    /** The wallet's real balances, read from the token contracts. */
    @Override
    public Optional<Balance> balance(String asset) {
        String token = asset.equals(market.baseSymbol()) ? market.baseToken()
                : asset.equals(market.quoteSymbol()) ? market.quoteToken() : null;
        if (token == null) return Optional.empty();
        int decimals = token.equals(market.baseToken()) ? market.baseDecimals() : market.quoteDecimals();
        try {
            BigDecimal total = new BigDecimal(new Erc20(reader, token).balanceOf(wallet.wallet()), decimals);
            return Optional.of(new Balance(asset, total, total));
        } catch (RuntimeException unreachable) {
            return Optional.empty();  // unknown: the risk checks do not check, the swap's own check still does
        }
    }
}
