package dev.botfleet.server.runtime;

import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.server.order.FundingRepository;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.kernel.KernelBuilder;
import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.ClientOrderIds;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.Warmup;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.CommitLane;
import dev.botfleet.server.exchange.ExchangeCatalog;
import dev.botfleet.server.market.CandleHistory;
import dev.botfleet.server.order.BotHistory;
import dev.botfleet.server.order.JdbcOrderJournal;
import dev.botfleet.server.order.OrderRepository;
import dev.botfleet.strategies.StrategyCatalog;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Puts a bot together from its configuration and its journal: instrument, strategy, paper exchange (rebuilt from the
 * journaled fills and open orders), JDBC journal, kernel restored to the journaled state, runner on virtual threads.
 * The journal is read from where the bot last stood flat ({@link OrderRepository#history}): a start reads the bot's
 * open deal and open orders, not its whole history.
 */
@Component
class SessionFactory {
    private final StrategyCatalog strategies;
    private final ExchangeCatalog exchanges;
    private final OrderRepository orders;
    private final SimOrderRecord simOrders;
    private final MarketDataHub hub;
    private final PaperProperties paper;
    /** The bots' journals commit together (one commit for whatever the fleet wrote meanwhile). */
    private final dev.botfleet.server.common.GroupCommit tx;
    private final Clock clock;
    private final CandleHistory history;
    private final VenueConnections venues;
    private final FundingRepository funding;
    private final dev.botfleet.server.ops.BotMeters meters;
    private final org.springframework.beans.factory.ObjectProvider<PaperVenue> paperVenues;
    /** Venues with LIVE bots of their own (DEX networks: swaps signed with the owner's wallet). */
    private org.springframework.beans.factory.ObjectProvider<LiveVenue> liveVenues;
    /** Each bot's turn runs on a virtual thread ({@link dev.botfleet.server.market.BotTurns}). */
    private final Executor executor;

    SessionFactory(StrategyCatalog strategies, ExchangeCatalog exchanges, OrderRepository orders,
                   SimOrderRecord simOrders, MarketDataHub hub, PaperProperties paper,
                   Clock clock, CandleHistory history,
                   VenueConnections venues, FundingRepository funding, dev.botfleet.server.ops.BotMeters meters,
                   org.springframework.beans.factory.ObjectProvider<PaperVenue> paperVenues,
                   dev.botfleet.server.common.GroupCommit groupCommit, dev.botfleet.server.market.BotTurns turns) {
        this.executor = turns.executor();
        this.meters = meters;
        this.paperVenues = paperVenues;
        this.funding = funding;
        this.history = history;
        this.venues = venues;
        this.strategies = strategies;
        this.exchanges = exchanges;
        this.orders = orders;
        this.simOrders = simOrders;
        this.hub = hub;
        this.paper = paper;
        this.tx = groupCommit;
        this.clock = clock;
    }

    @org.springframework.beans.factory.annotation.Autowired
    void liveVenues(org.springframework.beans.factory.ObjectProvider<LiveVenue> venues) {
        this.liveVenues = venues;
    }

    private LiveVenue liveVenue(Bot bot) {
        if (bot.mode() != BotMode.LIVE || liveVenues == null) return null;
        return liveVenues.orderedStream().filter(v -> v.handlesLive(bot.exchange())).findFirst().orElse(null);
    }

    /** Refuses (409) a bot that cannot run: no live adapter, unknown market, config the strategy no longer accepts. */
    void check(Bot bot) {
        try {
            instrument(bot);
        } catch (VenueNotReady e) {
            throw new ApiException.Conflict("Cannot start bot '" + bot.name() + "' now: " + e.getMessage());
        }
        definition(bot);
    }

    /** The bot's stored config, validated as a running strategy takes it (409 if it no longer validates). */
    dev.botfleet.engine.strategy.definition.StrategyConfig config(Bot bot) {
        return definition(bot).config();
    }

    /**
     * A bot's client order sequence under lease epoch {@code e} starts at {@code e × EPOCH_SPAN + 1}, so its client
     * order ids carry the epoch of the shard holder that placed them (docs/cluster.md).
     */
    static final long EPOCH_SPAN = 1_000_000L;

    /**
     * @param fence in a cluster, the lease of the bot's shard held by this node (null on a single node): new orders are
     *              journaled by the fenced insert, and nothing is sent once the lease is lost
     * @param leaseFresh with a fence: whether the lease still holds by this node's monotonic clock, asked before each
     *              order or cancel leaves for the exchange
     */
    BotSession create(Bot bot, TradingRuntime runtime, dev.botfleet.server.order.LeaseFence fence,
                      java.util.function.BooleanSupplier leaseFresh) {
        Instrument instrument = instrument(bot);
        StrategyDefinition.Validation config = definition(bot);
        Strategy strategy = strategies.create(bot.strategy(), config.config(), instrument);
        PaperVenue paperVenue = bot.mode() == BotMode.PAPER ? paperVenues.orderedStream()
                .filter(v -> v.handles(bot.exchange())).findFirst().orElse(null) : null;
        LiveVenue liveVenue = liveVenue(bot);
        // a venue of our own (DEX) rebuilds its account from every fill; the others start where the bot last stood flat
        BotHistory journaled = paperVenue != null || liveVenue != null ? BotHistory.all(orders.fills(bot.id()))
                : orders.history(bot.id(), instrument.symbol());
        List<String> clientOrderIds = orders.clientOrderIds(bot.id());
        List<OrderSnapshot> open = orders.openOrders(bot.id(), journaled.flat(), clientOrderIds);
        List<FundingPayment> payments = funding.of(bot.id());
        MarginSettings margin = !instrument.isPerpetual() ? null
                : bot.margin() != null ? bot.margin() : MarginSettings.DEFAULT;
        long nextSequence = clientOrderIds.stream().mapToLong(ClientOrderIds::sequenceOf).max().orElse(0) + 1;
        if (fence != null) nextSequence = Math.max(nextSequence, fence.epoch() * EPOCH_SPAN + 1);
        BotSession session = new BotSession(bot.id(), bot.ownerId(), bot.name(), bot.mode() == BotMode.LIVE,
                instrument.quoteAsset(), runtime, paper.maxConsecutiveRejections());
        session.meters = meters.orders(bot.exchange(), bot.mode().name());
        // a paper bot on our own sim exchange, on one node: no money and no lease at stake, so it writes behind its
        // turns, on the lanes whose writers take only the CPU that turns and requests leave (GroupCommit)
        boolean writesBehind = fence == null && bot.mode() == BotMode.PAPER && paperVenue == null;
        CommitLane lane = writesBehind ? tx.behindLane(bot.id()) : tx.lane(bot.id());
        JdbcOrderJournal journal = new JdbcOrderJournal(orders, funding, lane.forBot(bot.id()), clock, bot.ownerId(),
                bot.id(), instrument, journaled, payments, deal -> { }, strategy.dealPolicy(), margin);
        journal.startsWith(open.stream().map(OrderSnapshot::clientOrderId).toList(), nextSequence);
        if (fence != null) {
            journal.fence(fence);
            session.journal = journal;
        }
        KernelBuilder builder = BotKernel.builder(bot.id().toString(), instrument, strategy)
                .journal(journal)
                .listener(session)
                .margin(margin)
                .state(new KernelState(nextSequence, open, journaled.fills(), payments, journaled.flatPoint(),
                        // an order with nothing filled has no trade booked (its fills and filled quantity go together)
                        orders.tradeIds(bot.id(), open.stream().filter(o -> o.filledQuantity().signum() > 0)
                                .map(OrderSnapshot::clientOrderId).toList())));
        Runnable feed = venues.isVenue(bot.exchange()) ? venues.openFeed(bot) : () -> { };
        java.util.function.Consumer<BotKernel> livePerpetualCheck = null;
        if (paperVenue != null) {
            PaperVenue.Opened opened = paperVenue.open(bot, instrument, journaled.fills());
            builder.exchange(opened.connector());
            session.release = opened.release();
        } else if (liveVenue != null) {
            PaperVenue.Opened opened = liveVenue.openLive(bot, instrument, journaled.fills());
            builder.exchange(gated(opened.connector(), session, leaseFresh));
            session.release = opened.release();
        } else if (bot.mode() == BotMode.LIVE) {
            VenueConnections.Live live;
            try {
                live = venues.openLive(bot, session, () -> session.runner);
            } catch (RuntimeException e) {
                feed.run();
                throw e;
            }
            builder.exchange(gated(live.connector(), session, leaseFresh));
            livePerpetualCheck = live.perpetual();
            session.release = () -> {
                live.release().run();
                feed.run();
            };
        } else {
            PaperExchange exchange = PaperExchange.rebuild(instrument, initialBalances(instrument), journaled, payments,
                    margin, open, simOrders, bot.id());
            builder.exchange(gated(exchange::connect, session, leaseFresh)).matchOn(MatchingData.TICKS);
            session.release = () -> {
                exchange.close();
                feed.run();
            };
            if (writesBehind) {
                // everything is written behind; the paper exchange takes an order only once its intent is committed
                // (on the bot's turn), so no turn waits for a commit
                CommitLane.Backlog writes = lane.backlog(bot.id());
                journal.writeBehind(writes, session::journalFailed);
                journal.intentsBehind(exchange::intentQueued, id -> session.send(
                        new BotCommand.OnTurn(() -> exchange.intentCommitted(id))));
                exchange.writeReceiptsBehind(writes);
                session.writesBehind = writes;
            }
        }
        BotKernel kernel = builder.build();
        if (livePerpetualCheck != null) livePerpetualCheck.accept(kernel);
        session.runner = new BotRunner(kernel, executor, (event, e) -> runtime.handlerFailed(session, e),
                meters.ticks(bot.exchange()));
        session.kernel = kernel;
        session.history = warmupHistory(bot, strategy.warmup());
        return session;
    }

    private static dev.botfleet.engine.exchange.ExchangeConnector gated(
            dev.botfleet.engine.exchange.ExchangeConnector connector, BotSession session,
            java.util.function.BooleanSupplier leaseFresh) {
        if (leaseFresh == null) return connector;  // one node: no shard lease
        // the fenced insert proved the lease at the journal; a pause between it and the send is caught by the clock
        return listener -> GatedPort.around(connector.connect(listener),
                () -> session.mustNotSend() || !leaseFresh.getAsBoolean());
    }

    /** The market's 1m candles covering the strategy's warm-up (the kernel hands only the closed ones over). */
    private List<Candle> warmupHistory(Bot bot, Warmup warmup) {
        if (warmup.candles() == 0) return List.of();
        return history.since(bot.exchange(), bot.symbol(), clock.millis() - warmup.spanMillis());
    }

    MarketDataHub.Subscription subscribe(Bot bot, BotRunner runner) {
        return hub.subscribe(bot.exchange(), bot.symbol(), runner);
    }

    /**
     * The paper account at the bot's first start: the quote balance, and as much again in base at the start price (the
     * sim market's start price, or a real market's last trade; no base when no price is known yet).
     */
    Map<String, BigDecimal> initialBalances(Instrument instrument) {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        balances.put(instrument.quoteAsset(), paper.quoteBalance());
        if (instrument.isPerpetual()) return balances;  // a perpetual's wallet is margin in the settle asset only
        BigDecimal startPrice = SimMarkets.isSimulated(instrument.exchange())
                ? SimMarkets.find(instrument.symbol()).map(SimMarkets::startPrice).orElse(null)
                : hub.last(instrument.exchange(), instrument.symbol()).map(t -> BigDecimal.valueOf(t.price()))
                        .or(() -> lastClose(instrument)).orElse(null);
        BigDecimal base = startPrice == null ? BigDecimal.ZERO
                : instrument.roundQuantity(paper.quoteBalance().divide(startPrice, instrument.quantityScale() + 2, RoundingMode.DOWN));
        balances.put(instrument.baseAsset(), base);
        return balances;
    }

    /** A real market's last closed 1m candle (its recent history is loaded when its feed starts). */
    private java.util.Optional<BigDecimal> lastClose(Instrument instrument) {
        List<Candle> recent = history.since(instrument.exchange(), instrument.symbol(), clock.millis() - 3_600_000);
        return recent.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(BigDecimal.valueOf(recent.getLast().close()));
    }

    private Instrument instrument(Bot bot) {
        if (bot.mode() == BotMode.LIVE && !venues.isVenue(bot.exchange()) && liveVenue(bot) == null) {
            throw new ApiException.Conflict("Cannot run bot '" + bot.name() + "' LIVE: '" + bot.exchange()
                    + "' has no live trading adapter; use PAPER");
        }
        if (venues.isVenue(bot.exchange())) return venues.instrument(bot).instrument();
        return exchanges.find(bot.exchange()).flatMap(e -> e.instrument(bot.symbol()))
                .orElseThrow(() -> new ApiException.Conflict("Cannot run bot '" + bot.name() + "': no market "
                        + bot.symbol() + " on '" + bot.exchange() + "'"));
    }

    private StrategyDefinition.Validation definition(Bot bot) {
        StrategyDefinition definition = strategies.find(bot.strategy())
                .orElseThrow(() -> new ApiException.Conflict("Cannot run bot '" + bot.name() + "': unknown strategy '"
                        + bot.strategy() + "'"));
        StrategyDefinition.Validation checked = definition.validate(bot.config());
        if (!checked.valid()) {
            throw new ApiException.Conflict("Cannot run bot '" + bot.name() + "': its config is no longer valid: "
                    + String.join("; ", checked.violations().stream().map(v -> v.field() + " " + v.message()).toList()));
        }
        return checked;
    }
}
