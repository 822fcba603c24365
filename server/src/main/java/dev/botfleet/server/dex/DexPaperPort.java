package dev.botfleet.server.dex;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A paper DEX bot's exchange: market orders filled as paper swaps on the live pools. When an order arrives (it is
 * journaled already), the Uniswap contracts are asked by eth_call at the block current then (BUY: the quote tokens an exact-output swap of the
 * quantity costs; SELL: what an exact-input swap of it pays, the best route each time); the fill is refused when it
 * is further from the price the bot saw than its slippage tolerance, and is charged gas (the route's gas estimate ×
 * the node's gas price) converted into the quote token as the fill's fee. Balances are virtual, in token units,
 * rebuilt from the journaled fills after a restart.
 */
final class DexPaperPort implements ExchangePort {
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final int PRICE_SCALE = 18;  // trades.price is NUMERIC(38, 18)

    private final DexMarket market;
    private final PinnedQuotes quotes;
    private final String weth;
    private final int slippageBps;
    private final long defaultGasUnits;
    private final Supplier<BigDecimal> lastPrice;
    private final DexBuyChecks checks;
    private final Clock clock;
    private final ExecutionListener listener;
    private BigInteger base;
    private BigInteger quote;
    /** Orders this port received in this run, by client order id: a resend is recognised, never filled twice. */
    private final Map<String, OrderReport> received = new HashMap<>();

    /**
     * @param initialQuote the quote tokens the paper wallet started with
     * @param fills        the bot's journaled fills, settled into the balances
     * @param lastPrice    the market's last price (what the bot saw when it decided), null before any
     * @param checks       what must hold before a buy (mempool, intelligence level)
     */
    DexPaperPort(DexMarket market, PinnedQuotes quotes, String weth, int slippageBps, long defaultGasUnits,
                 BigDecimal initialQuote, List<Fill> fills, Supplier<BigDecimal> lastPrice,
                 DexBuyChecks checks, Clock clock, ExecutionListener listener) {
        this.checks = checks;
        this.market = market;
        this.quotes = quotes;
        this.weth = weth;
        this.slippageBps = slippageBps;
        this.defaultGasUnits = defaultGasUnits;
        this.lastPrice = lastPrice;
        this.clock = clock;
        this.listener = listener;
        this.base = BigInteger.ZERO;
        this.quote = quoteUnits(initialQuote);
        for (Fill f : fills) settle(f.side(), baseUnits(f.quantity()), quoteUnits(f.price().multiply(f.quantity())),
                quoteUnits(f.fee()));
    }

    @Override
    public String exchange() {
        return market.exchange();
    }

    @Override
    public void submit(OrderSnapshot order) {
        String id = order.clientOrderId();
        if (received.containsKey(id)) return;
        if (order.type() != OrderType.MARKET) {
            reject(id, "a DEX paper bot takes market orders only (a swap at the pool's price), not " + order.type());
            return;
        }
        String refused;
        try {
            refused = checks.refuse(order, lastPrice.get()).orElse(null);
            if (refused == null) refused = fill(order);
        } catch (RuntimeException e) {
            // the node did not answer (or answered nonsense): the swap was never priced, so it did not happen
            refused = "the swap could not be quoted on " + market.network() + ": " + e.getMessage();
        }
        if (refused != null) reject(id, refused);
    }

    /**
     * Prices the swap at the block current now — after the order was journaled, never at a price from before it
     * existed — and, unless it is refused, accepts and fills it.
     *
     * @return why the swap is refused, or null once it filled
     */
    private String fill(OrderSnapshot order) {
        String id = order.clientOrderId();
        BigInteger amount = baseUnits(order.quantity());
        boolean buy = order.side() == OrderSide.BUY;
        BigInteger block = quotes.blockNumber();
        Optional<PinnedQuotes.Swap> found = buy
                ? quotes.exactOut(market.quoteToken(), market.baseToken(), amount, block)
                : quotes.exactIn(market.baseToken(), market.quoteToken(), amount, block);
        if (found.isEmpty()) {
            return "no Uniswap pool of " + market.symbol() + " can fill " + order.quantity().toPlainString()
                    + " " + market.baseSymbol() + " at block " + block;
        }
        PinnedQuotes.Swap swap = found.get();
        BigInteger quoteAmount = buy ? swap.amountIn() : swap.amountOut();
        Optional<String> slipped = beyondSlippage(buy, amount, quoteAmount);
        if (slipped.isPresent()) return slipped.get();
        BigInteger fee = gasInQuote(swap, amount, quoteAmount, block);
        if (buy && quote.compareTo(quoteAmount.add(fee)) < 0) {
            return "the swap costs " + decimal(quoteAmount.add(fee), market.quoteDecimals()) + " "
                    + market.quoteSymbol() + " with gas, the paper wallet holds " + decimal(quote, market.quoteDecimals());
        }
        if (!buy && base.compareTo(amount) < 0) {
            return "the paper wallet holds " + decimal(base, market.baseDecimals()) + " " + market.baseSymbol();
        }
        settle(order.side(), amount, quoteAmount, fee);
        BigDecimal price = decimal(quoteAmount, market.quoteDecimals())
                .divide(order.quantity(), PRICE_SCALE, RoundingMode.HALF_EVEN);
        OrderEvent.OrderFilled filled = new OrderEvent.OrderFilled(id, "dex-" + block + "-" + id, order.side(), price,
                order.quantity(), decimal(fee, market.quoteDecimals()), market.quoteSymbol(), Liquidity.TAKER,
                clock.instant());
        received.put(id, report(id, OrderStatus.FILLED, List.of(filled), null));
        listener.onOrderEvent(new OrderEvent.OrderAccepted(id, "paper-" + id, clock.instant()));
        listener.onOrderEvent(filled);
        return null;
    }

    /**
     * The reference is the market's last price, the one the strategy decided on: a buy may cost at most
     * (1 + slippage) × that, a sell must pay at least (1 − slippage) × that. The pool fee and the trade's price impact
     * count against the tolerance, as they would on chain.
     */
    private Optional<String> beyondSlippage(boolean buy, BigInteger amount, BigInteger quoteAmount) {
        BigDecimal reference = lastPrice.get();
        if (reference == null) return Optional.empty();
        BigDecimal atReference = reference.multiply(decimal(amount, market.baseDecimals()));
        BigDecimal tolerance = BigDecimal.valueOf(slippageBps).movePointLeft(4);
        BigDecimal actual = decimal(quoteAmount, market.quoteDecimals());
        BigDecimal limit = atReference.multiply(buy ? BigDecimal.ONE.add(tolerance) : BigDecimal.ONE.subtract(tolerance));
        boolean refused = buy ? actual.compareTo(limit) > 0 : actual.compareTo(limit) < 0;
        if (!refused) return Optional.empty();
        return Optional.of("price moved past the slippage tolerance of " + slippageBps + " bps: the pool "
                + (buy ? "asks " : "pays ") + actual.toPlainString() + " " + market.quoteSymbol() + ", the limit at the last price "
                + reference.toPlainString() + " is " + limit.setScale(market.quoteDecimals(), RoundingMode.HALF_EVEN).toPlainString());
    }

    /**
     * Gas as the swap would pay it on chain, in quote-token units rounded up: (the route's estimate, or the default
     * for routes without one) × the node's gas price, in wei of the native asset, valued through WETH.
     */
    private BigInteger gasInQuote(PinnedQuotes.Swap swap, BigInteger baseAmount, BigInteger quoteAmount, BigInteger block) {
        long units = swap.gasEstimate() > 0 ? swap.gasEstimate() : defaultGasUnits;
        BigInteger wei = BigInteger.valueOf(units).multiply(quotes.gasPrice());
        if (market.quoteToken().equalsIgnoreCase(weth)) return wei;
        BigInteger[] perEther;  // quote units per 10^18 wei, as a fraction
        if (market.baseToken().equalsIgnoreCase(weth)) {
            perEther = new BigInteger[]{quoteAmount, baseAmount};
        } else {
            Optional<PinnedQuotes.Swap> oneEther = quotes.exactIn(weth, market.quoteToken(), ETHER, block);
            if (oneEther.isEmpty()) return BigInteger.ZERO;  // no WETH pool for the quote token: gas not valued
            perEther = new BigInteger[]{oneEther.get().amountOut(), ETHER};
        }
        BigInteger[] division = wei.multiply(perEther[0]).divideAndRemainder(perEther[1]);
        return division[1].signum() == 0 ? division[0] : division[0].add(BigInteger.ONE);
    }

    private void settle(OrderSide side, BigInteger baseAmount, BigInteger quoteAmount, BigInteger fee) {
        if (side == OrderSide.BUY) {
            base = base.add(baseAmount);
            quote = quote.subtract(quoteAmount).subtract(fee);
        } else {
            base = base.subtract(baseAmount);
            quote = quote.add(quoteAmount).subtract(fee);
        }
    }

    private void reject(String id, String reason) {
        received.put(id, report(id, OrderStatus.REJECTED, List.of(), reason));
        listener.onOrderEvent(new OrderEvent.OrderRejected(id, reason, clock.instant()));
    }

    private OrderReport report(String id, OrderStatus status, List<OrderEvent.OrderFilled> fills, String reason) {
        BigDecimal filled = fills.stream().map(OrderEvent.OrderFilled::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderReport(id, status == OrderStatus.REJECTED ? null : "paper-" + id, status, filled, fills, reason);
    }

    @Override
    public void cancel(String clientOrderId) {
        // A market order is filled or refused within its submit: there is never anything left to cancel.
        listener.onOrderEvent(new OrderEvent.OrderCancelRejected(clientOrderId, "a swap cannot be canceled",
                clock.instant()));
    }

    @Override
    public Optional<OrderReport> query(String clientOrderId) {
        return Optional.ofNullable(received.get(clientOrderId));
    }

    @Override
    public Optional<Balance> balance(String asset) {
        if (asset.equals(market.baseSymbol())) return Optional.of(balance(asset, base, market.baseDecimals()));
        if (asset.equals(market.quoteSymbol())) return Optional.of(balance(asset, quote, market.quoteDecimals()));
        return Optional.empty();
    }

    /** The paper wallet in token units: base, then quote. */
    BigInteger[] units() {
        return new BigInteger[]{base, quote};
    }

    private static Balance balance(String asset, BigInteger units, int decimals) {
        BigDecimal total = decimal(units, decimals);
        return new Balance(asset, total, total);
    }

    private BigInteger baseUnits(BigDecimal amount) {
        return amount.movePointRight(market.baseDecimals()).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    /** Quote amounts booked by the journal (price × quantity) are within 10^-18 of whole units: round to nearest. */
    private BigInteger quoteUnits(BigDecimal amount) {
        return amount.movePointRight(market.quoteDecimals()).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }

    private static BigDecimal decimal(BigInteger units, int decimals) {
        return new BigDecimal(units, decimals);
    }
}
