package dev.botfleet.server.runtime;

import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.position.Position;
import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.server.order.BotHistory;
import dev.botfleet.server.order.SpotFlows;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A paper bot's exchange: the engine's {@link SimExchange} (the one matching engine) plus the exchange's persistent
 * memory of what it received ({@link SimOrderRecord}). After a restart it is rebuilt from the journal: balances after
 * every journaled fill, and the open orders the exchange had received re-rested — also those whose acknowledgement
 * never reached the journal, so reconciliation finds them instead of sending them again.
 */
final class PaperExchange implements ExchangePort, MarketDataListener, QuietBand.Source {
    private static final Logger log = LoggerFactory.getLogger(PaperExchange.class);

    private final SimExchange sim;
    private final SimOrderRecord record;
    /** Receipts written behind through the bot's backlog (null: each receipt waits for its commit). */
    private dev.botfleet.server.common.CommitLane.Backlog receiptsBehind;
    private final UUID botId;
    /** Orders the exchange refused before the restart, whose refusal the journal did not see. */
    private final Map<String, OrderReport> refused = new LinkedHashMap<>();
    /**
     * Intents written behind and not committed yet ({@link #intentQueued}), and the orders among them already handed
     * over: the simulated exchange gets each one only once its commit is done. Touched on the bot's turn only.
     */
    private final java.util.Set<String> uncommitted = new java.util.HashSet<>();
    private final Map<String, OrderSnapshot> awaitingCommit = new java.util.HashMap<>();
    /** The bot's session ended: an intent committed after that is never sent. */
    private volatile boolean closed;
    private ExecutionListener listener;
    /** The exchange's answers to an order being received, held until its receipt is queued ({@link #send}). */
    private final List<OrderEvent> answers = new ArrayList<>();
    private boolean receiving;

    private PaperExchange(SimExchange sim, SimOrderRecord record, UUID botId) {
        this.sim = sim;
        this.record = record;
        this.botId = botId;
    }

    /**
     * @param initial the paper account at the bot's first start
     * @param journaled where the bot last stood flat and the fills since (settled into the balances; a perpetual
     *                  has no flat point and replays every fill)
     * @param funding every journaled funding settlement (perpetuals)
     * @param margin the bot's leverage on a perpetual, null on spot
     * @param openOrders journaled orders not in a terminal state
     */
    static PaperExchange rebuild(Instrument instrument, Map<String, BigDecimal> initial, BotHistory journaled,
                                 List<FundingPayment> funding, MarginSettings margin, List<OrderSnapshot> openOrders,
                                 SimOrderRecord record, UUID botId) {
        PaperExchange exchange = instrument.isPerpetual()
                ? perpetual(instrument, initial, journaled.fills(), funding, margin, record, botId)
                : spot(instrument, initial, journaled, record, botId);
        // only an order whose acknowledgement the journal lacks needs the exchange's receipt
        Map<String, SimOrderRecord.Receipt> receipts = record.receipts(botId, openOrders.stream()
                .filter(o -> !o.acknowledged()).map(OrderSnapshot::clientOrderId).toList());
        List<OrderSnapshot> rest = new ArrayList<>();
        for (OrderSnapshot s : openOrders) {
            SimOrderRecord.Receipt receipt = receipts.get(s.clientOrderId());
            if (s.acknowledged()) {
                rest.add(s);
            } else if (receipt != null && "ACCEPTED".equals(receipt.status())) {
                rest.add(acknowledged(s));  // accepted, but the acceptance died with the process before the journal saw it
            } else if (receipt != null) {
                exchange.refused.put(s.clientOrderId(), new OrderReport(s.clientOrderId(), null, OrderStatus.REJECTED,
                        BigDecimal.ZERO, List.of(), receipt.reason()));
            }
        }
        exchange.sim.restore(rest);
        return exchange;
    }

    /** Spot: every fill swapped base against quote (and paid its fee): the start balances plus the fills' flows. */
    private static PaperExchange spot(Instrument instrument, Map<String, BigDecimal> initial, BotHistory journaled,
                                      SimOrderRecord record, UUID botId) {
        Map<String, BigDecimal> balances = new LinkedHashMap<>(initial);
        SpotFlows flows = journaled.flowsAtStart();
        for (Fill f : journaled.fills()) flows = flows.plus(f);
        if (journaled.flat() != null || !journaled.fills().isEmpty()) {
            balances.merge(instrument.baseAsset(), flows.base(), BigDecimal::add);
            balances.merge(instrument.quoteAsset(), flows.quote(), BigDecimal::add);
        }
        return new PaperExchange(new SimExchange(instrument, SimFillModel.DEFAULT, balances), record, botId);
    }

    /**
     * A perpetual: the wallet is the deposit plus everything realized (PnL, fees, funding), which the engine's own
     * {@link Position} works out from the same fills and funding; the open position then locks its margin again.
     */
    private static PaperExchange perpetual(Instrument instrument, Map<String, BigDecimal> initial, List<Fill> fills,
                                           List<FundingPayment> funding, MarginSettings margin, SimOrderRecord record,
                                           UUID botId) {
        Position position = new Position(botId.toString(), instrument, margin);
        for (Fill f : fills) position.apply(f.toEvent());
        for (FundingPayment p : funding) position.applyFunding(p);
        String settle = instrument.marginAsset();
        Map<String, BigDecimal> wallet = new LinkedHashMap<>();
        wallet.put(settle, initial.getOrDefault(settle, BigDecimal.ZERO).add(position.realizedPnl()));
        SimExchange sim = new SimExchange(instrument, SimFillModel.DEFAULT, wallet, margin);
        if (!position.isFlat()) sim.restorePosition(position.quantity(), position.averageEntryPrice());
        return new PaperExchange(sim, record, botId);
    }

    private static OrderSnapshot acknowledged(OrderSnapshot s) {
        return new OrderSnapshot(s.botId(), s.clientOrderId(), "sim-" + s.clientOrderId(), s.exchange(), s.symbol(),
                s.side(), s.type(), s.timeInForce(), s.price(), s.quantity(),
                s.filledQuantity().signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED,
                s.filledQuantity(), s.averagePrice(), s.fees(), s.overfill(), s.closeReason(), s.reason(), true,
                s.createdAt(), s.updatedAt(), s.triggerPrice());
    }

    ExchangePort connect(ExecutionListener listener) {
        this.listener = listener;
        sim.connect(event -> {
            if (receiving) answers.add(event);
            else listener.onOrderEvent(event);
        });
        return this;
    }

    /**
     * Journal before send kept here instead of on the bot's turn: the kernel's intent of {@code clientOrderId} was
     * queued for a commit without waiting for it (so neither the bot's turn nor the tick shard it runs in waits), and
     * the order reaches the simulated exchange only once {@link #intentCommitted} says the intent is durable. An order
     * canceled before that is canceled here and never reaches the simulated exchange; a crash before the commit leaves
     * neither a journaled nor a received order. (An order resubmitted by reconciliation was journaled long ago: it is
     * sent at once.)
     */
    void intentQueued(String clientOrderId) {
        uncommitted.add(clientOrderId);
    }

    /** On the bot's turn, once the intent of {@code clientOrderId} is committed: the order goes to the exchange. */
    void intentCommitted(String clientOrderId) {
        uncommitted.remove(clientOrderId);
        OrderSnapshot order = awaitingCommit.remove(clientOrderId);
        if (order == null || closed) return;  // canceled meanwhile (or a denied order's intent), or the session ended
        send(order);
    }

    /** The bot's session ended: from now on nothing more reaches the simulated exchange from intents still committing. */
    void close() {
        closed = true;
    }

    @Override
    public String exchange() { return sim.exchange(); }

    /**
     * Idempotent by client order id across restarts: an id the exchange already received is counted as a repeated
     * submission and changes nothing. What it received is known in memory — every order since this exchange was
     * built, and from before, every order still open (rebuilt from the journal and the receipts) — so a new order needs
     * no database read. The receipt is stored after the matching engine decided, so a crash in between means the
     * exchange never received the order (its memory died with it) and a resend is its first submission.
     */
    @Override
    public void submit(OrderSnapshot order) {
        if (uncommitted.contains(order.clientOrderId())) {
            awaitingCommit.put(order.clientOrderId(), order);
            return;
        }
        send(order);
    }

    private void send(OrderSnapshot order) {
        String id = order.clientOrderId();
        if (sim.query(id).isPresent() || refused.containsKey(id)) {
            record.countRepeat(receiptsBehind, botId, id);
            log.error("Duplicate submission of client order id {} (bot {}) reached the sim exchange", id, botId);
            return;
        }
        // The receipt goes to the commit lane before the answer reaches the kernel (whose journal write of the
        // acceptance follows it in the lane): a crash between the two commits must not leave an acknowledged order
        // the exchange has no record of. Inside a kernel turn the answer would wait anyway; a send on its own turn
        // (an intent just committed) would hand it over at once.
        receiving = true;
        try {
            sim.submit(order);
            OrderReport report = sim.query(id).orElseThrow();
            String status = report.status() == OrderStatus.REJECTED ? "REJECTED" : "ACCEPTED";
            if (receiptsBehind != null) record.receivedBehind(receiptsBehind, botId, id, status, report.reason(), order.updatedAt());
            else record.received(botId, id, status, report.reason(), order.updatedAt());
        } finally {
            receiving = false;
        }
        List<OrderEvent> received = List.copyOf(answers);  // handing them over may lead to the next send
        answers.clear();
        for (OrderEvent answer : received) listener.onOrderEvent(answer);
    }

    /**
     * Receipts are written behind the bot's turn (a paper bot on one node), in order with its other writes; a receipt
     * lost in a crash only makes the order look never received (reconciliation sends it again, as a first receipt).
     */
    void writeReceiptsBehind(dev.botfleet.server.common.CommitLane.Backlog writes) {
        receiptsBehind = writes;
    }

    @Override
    public void cancel(String clientOrderId) {
        OrderSnapshot unsent = awaitingCommit.remove(clientOrderId);
        if (unsent != null) {
            // never reached the exchange, and now never will: canceled as the exchange would cancel it
            listener.onOrderEvent(new OrderEvent.OrderCanceled(clientOrderId, unsent.updatedAt()));
            return;
        }
        sim.cancel(clientOrderId);
    }

    @Override
    public Optional<OrderReport> query(String clientOrderId) {
        Optional<OrderReport> known = sim.query(clientOrderId);
        return known.isPresent() ? known : Optional.ofNullable(refused.get(clientOrderId));
    }

    @Override
    public Optional<Balance> balance(String asset) { return sim.balance(asset); }

    @Override
    public void settleFunding(FundingPayment payment) { sim.settleFunding(payment); }

    @Override
    public void onTick(Tick tick) { sim.onTick(tick); }

    /** An order waiting for its intent's commit is not at the exchange yet: no trade before it may fill it. */
    @Override
    public void narrow(QuietBand band) { sim.narrow(band); }

    @Override
    public void onCandle(Candle candle) { sim.onCandle(candle); }
}
