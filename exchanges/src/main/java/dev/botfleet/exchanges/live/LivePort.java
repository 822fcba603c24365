package dev.botfleet.exchanges.live;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.exchanges.ClientIdCodec;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.VenueInstrument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One bot's way to a real venue: the kernel's {@link ExchangePort} over a {@link dev.botfleet.exchanges.TradingClient}.
 *
 * <p>Requests leave in order on a serial executor, so the kernel's turn never waits for the network; answers and
 * stream events come back through the listener (the bot's mailbox). The rules that keep money safe:
 * <ul>
 *   <li>a new order is sent once. If its answer is lost it is looked up by client order id, never sent again; if the
 *       venue refuses it as a duplicate, the venue's order is adopted;</li>
 *   <li>a refused cancel is followed by a query, so a fill that beat the cancel is kept;</li>
 *   <li>after the user stream was away, every order still open is queried and its missed fills applied (the kernel
 *       applies each trade id once, so a fill seen twice counts once).</li>
 * </ul>
 */
public final class LivePort implements ExchangePort {
    private static final Logger log = LoggerFactory.getLogger(LivePort.class);
    /** Pauses between lookups of an order whose answer was lost: the venue may need seconds to show a new order. */
    private static final long[] LOOKUP_BACKOFF_MILLIS = {300, 1_000, 3_000};

    private final AccountSession account;
    private final Supplier<VenueInstrument> instrument;
    private final ClientIdCodec ids;
    private final ExecutionListener listener;
    private final VenueAlarm alarm;
    private final Clock clock;
    private final SerialExecutor requests;
    /** Our ids of orders that may still change at the venue. */
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** When the venue started refusing our orders for reasons of its own (ban, outage, breaker), or null. */
    private volatile java.time.Instant troubleSince;
    private final java.time.Duration giveUpAfter;
    private volatile long[] lookupPauses = LOOKUP_BACKOFF_MILLIS;

    /**
     * @param instrument the instrument as the venue lists it now (its filters may change while the bot runs)
     */
    public LivePort(AccountSession account, Supplier<VenueInstrument> instrument, String botId,
                    ExecutionListener listener, VenueAlarm alarm, Clock clock, Executor executor) {
        this(account, instrument, botId, listener, alarm, clock, executor, java.time.Duration.ofMinutes(2));
    }

    /**
     * @param giveUpAfter how long the venue may keep refusing orders (unreachable, banned, breaker open) before the
     *                    bot is failed: a warning each time until then
     */
    public LivePort(AccountSession account, Supplier<VenueInstrument> instrument, String botId,
                    ExecutionListener listener, VenueAlarm alarm, Clock clock, Executor executor,
                    java.time.Duration giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
        this.account = account;
        this.instrument = instrument;
        this.ids = account.client().clientIds(botId);
        this.listener = listener;
        this.alarm = alarm;
        this.clock = clock;
        this.requests = new SerialExecutor(executor);
        account.register(ids.prefix(), this);
    }

    /**
     * Other pauses between lookups of an order whose answer was lost (before the first order is submitted). For a venue
     * fake, which shows an order at once: the conformance tests would otherwise wait 4.3 s per lost answer.
     */
    public LivePort lookupPauses(long... millis) {
        this.lookupPauses = millis.clone();
        return this;
    }

    @Override
    public String exchange() { return account.venue(); }

    @Override
    public void submit(OrderSnapshot order) {
        String id = order.clientOrderId();
        open.add(id);
        requests.execute(() -> place(order));
    }

    @Override
    public void cancel(String clientOrderId) {
        requests.execute(() -> cancelNow(clientOrderId));
    }

    /** Synchronous: used by the kernel's reconciliation at start. A failure to ask is thrown, never read as "unknown". */
    @Override
    public Optional<OrderReport> query(String clientOrderId) {
        return reconcile(clientOrderId, null);
    }

    /** As {@link #query(String)}, handing the venue what the journal knows (see {@link TradingClient#query(VenueInstrument, String, OrderSnapshot)}). */
    @Override
    public Optional<OrderReport> query(OrderSnapshot order) {
        return reconcile(order.clientOrderId(), order);
    }

    private Optional<OrderReport> reconcile(String clientOrderId, OrderSnapshot known) {
        String venueId = ids.toVenue(clientOrderId);
        Optional<OrderReport> report = (known == null
                ? account.client().query(instrument.get(), venueId)
                : account.client().query(instrument.get(), venueId, known))
                .map(r -> OrderEvents.withId(r, clientOrderId));
        report.ifPresent(r -> {
            if (r.status().isOpen()) open.add(clientOrderId);
        });
        return report;
    }

    @Override
    public Optional<Balance> balance(String asset) {
        return account.balance(asset);
    }

    /** Waits (at most {@code millis}) until the requests handed over so far have been answered. True if they were. */
    public boolean awaitSent(long millis) {
        try {
            return requests.awaitIdle(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits (at most {@code millis}) until the requests handed over so far have been sent, then stops listening. */
    public void close(long millis) {
        try {
            requests.awaitIdle(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        account.unregister(ids.prefix(), this);
    }

    // ------------------------------------------------------------------ venue calls (on the serial executor)

    private void place(OrderSnapshot order) {
        String id = order.clientOrderId();
        String venueId = ids.toVenue(id);
        try {
            OrderReport report = account.client().place(instrument.get(), order, venueId);
            troubleSince = null;
            adopt(id, report);
        } catch (VenueException e) {
            switch (e.kind()) {
                case ANSWER_LOST -> lookUpLost(id, venueId, e);
                case DUPLICATE_ORDER -> {
                    log.info("{}: order {} already at the venue; adopting it", account.venue(), id);
                    lookUpLost(id, venueId, e);
                }
                case AUTH -> {
                    reject(id, e.getMessage());
                    alarm.failed("the venue refused the key: " + e.getMessage());
                }
                case INSUFFICIENT_BALANCE, REJECTED, UNSUPPORTED, UNKNOWN_ORDER -> reject(id, e.getMessage());
                default -> {
                    // Refused before the venue acted (ban, rate limit, breaker open, not reachable): not placed.
                    reject(id, "not placed: " + e.getMessage());
                    troubled(e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.error("{}: placing {} failed unexpectedly", account.venue(), id, e);
            lookUpLost(id, venueId, new VenueException(Kind.ANSWER_LOST, account.venue(), null, e.toString()));
        }
    }

    /**
     * The order may or may not be at the venue: ask by client order id until the venue answers. Found: adopt it. Not
     * found after the venue had time to process it: it never arrived, so it is rejected here — and never sent again.
     */
    private void lookUpLost(String id, String venueId, VenueException cause) {
        long[] pauses = lookupPauses;
        for (int attempt = 0; attempt <= pauses.length; attempt++) {
            try {
                Optional<OrderReport> found = account.client().query(instrument.get(), venueId);
                if (found.isPresent()) {
                    adopt(id, found.get());
                    return;
                }
            } catch (VenueException e) {
                log.warn("{}: looking up {} failed: {}", account.venue(), id, e.getMessage());
            }
            if (attempt < pauses.length && !pause(pauses[attempt])) break;
        }
        reject(id, "the venue has no order " + id + " after its answer was lost (" + cause.getMessage() + ")");
    }

    private void cancelNow(String id) {
        String venueId = ids.toVenue(id);
        try {
            account.client().cancel(instrument.get(), venueId);
            deliver(List.of(new OrderEvent.OrderCanceled(id, clock.instant())));
        } catch (VenueException e) {
            // Refused (already filled, already gone) or unknown outcome: the venue's record decides.
            try {
                Optional<OrderReport> found = account.client().query(instrument.get(), venueId);
                if (found.isPresent()) {
                    OrderReport report = OrderEvents.withId(found.get(), id);
                    deliver(OrderEvents.of(report, id, clock.instant()));
                    if (report.status().isOpen()) {
                        deliver(List.of(new OrderEvent.OrderCancelRejected(id, e.getMessage(), clock.instant())));
                    } else if (report.status() == dev.botfleet.engine.order.OrderStatus.FILLED) {
                        deliver(List.of(new OrderEvent.OrderCancelRejected(id, "already filled", clock.instant())));
                    }
                } else {
                    deliver(List.of(new OrderEvent.OrderCancelRejected(id, e.getMessage(), clock.instant())));
                }
            } catch (VenueException queryFailed) {
                deliver(List.of(new OrderEvent.OrderCancelRejected(id, e.getMessage(), clock.instant())));
                alarm.warning("cancel of " + id + " unconfirmed: " + queryFailed.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ from the account's user stream

    /** An event of one of this bot's orders, with the venue's client id. */
    void onVenueEvent(String venueClientId, OrderEvent event) {
        String id = ids.fromVenue(venueClientId);
        if (id == null || closed) return;
        deliver(List.of(OrderEvents.withId(event, id)));
    }

    /** The user stream was away: ask for every order that may have changed meanwhile. */
    void backfill() {
        for (String id : List.copyOf(open)) {
            requests.execute(() -> {
                try {
                    account.client().query(instrument.get(), ids.toVenue(id)).ifPresent(r -> adopt(id, r));
                } catch (VenueException e) {
                    alarm.warning("could not backfill order " + id + ": " + e.getMessage());
                }
            });
        }
    }

    /** Brings our order to the venue's state (a report under the venue's id). */
    private void adopt(String id, OrderReport venueReport) {
        OrderReport report = OrderEvents.withId(venueReport, id);
        deliver(OrderEvents.of(report, id, clock.instant()));
        if (report.status().isTerminal()) open.remove(id);
    }

    /** A warning while the trouble is young; the bot fails (ERROR, with the reason) once it has lasted too long. */
    private void troubled(String reason) {
        java.time.Instant now = clock.instant();
        if (troubleSince == null) troubleSince = now;
        if (java.time.Duration.between(troubleSince, now).compareTo(giveUpAfter) >= 0) {
            alarm.failed("the venue has refused orders for " + java.time.Duration.between(troubleSince, now).toSeconds()
                    + " s: " + reason);
        } else {
            alarm.warning(reason);
        }
    }

    private void reject(String id, String reason) {
        deliver(List.of(new OrderEvent.OrderRejected(id, reason, clock.instant())));
    }

    private void deliver(List<OrderEvent> events) {
        for (OrderEvent e : events) {
            if (isFinal(e)) open.remove(e.clientOrderId());
            listener.onOrderEvent(e);
        }
    }

    private static boolean isFinal(OrderEvent e) {
        return e instanceof OrderEvent.OrderRejected || e instanceof OrderEvent.OrderCanceled
                || e instanceof OrderEvent.OrderExpired;
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
