package dev.botfleet.server.runtime;

import dev.botfleet.server.common.AfterCommit;
import dev.botfleet.engine.kernel.ActivityEntry;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.strategy.WarmupProgress;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.notify.BotAlert;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotChanged;
import dev.botfleet.server.bot.BotRepository;
import dev.botfleet.server.bot.BotRuntime;
import dev.botfleet.server.bot.BotStatus;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.order.OrderCanceler;
import dev.botfleet.server.risk.DailyLossCheck;
import dev.botfleet.server.stream.EventStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The server's bot runtime: every ACTIVE bot runs as a {@link BotSession} (its kernel behind a mailbox, on virtual
 * threads), subscribed to the market data hub. Start and stop take effect after the transaction that changed the
 * bot's status commits (a rolled-back start runs nothing); on server start every ACTIVE bot resumes from its journal.
 */
@Service
public class TradingRuntime implements BotRuntime, OrderCanceler, SmartLifecycle, BotSession.Outlet, BotWrites {
    private static final Logger log = LoggerFactory.getLogger(TradingRuntime.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final SessionFactory factory;
    private final RuntimeRepository runtimeBots;
    private final BotRepository bots;
    private final ActivityLogService activity;
    private final EventStream stream;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DailyLossCheck lossLimits;
    private final TurnPublisher publisher;
    private final RunningSessions sessions = new RunningSessions(COMMAND_TIMEOUT);
    /** How long a bot being resumed waits before it asks its venue again. */
    static final java.time.Duration VENUE_RETRY = java.time.Duration.ofSeconds(10);
    private final java.util.concurrent.ScheduledExecutorService retries =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("bot-retry").factory());
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();
    /** Bots whose stop this node is carrying out: from the stop's last turn until its cancels were sent. */
    private final java.util.Set<UUID> stopping = ConcurrentHashMap.newKeySet();
    /** Present only when this server is a cluster node (botfleet.cluster.enabled): bots run where it places them. */
    private final dev.botfleet.server.common.LazyBean<BotPlacement> placements;
    private volatile boolean running;

    public TradingRuntime(SessionFactory factory, RuntimeRepository runtimeBots, BotRepository bots,
                          ActivityLogService activity, EventStream stream,
                          ApplicationEventPublisher events, Clock clock, DailyLossCheck lossLimits,
                          org.springframework.beans.factory.ObjectProvider<BotPlacement> placements,
                          TurnPublisher publisher) {
        this.placements = new dev.botfleet.server.common.LazyBean<>(placements);
        this.publisher = publisher;
        this.lossLimits = lossLimits;
        this.factory = factory;
        this.runtimeBots = runtimeBots;
        this.bots = bots;
        this.activity = activity;
        this.stream = stream;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- BotRuntime (inside BotService's transaction)

    @Override
    public void start(Bot bot) {
        // a bot that cannot or may not run is refused now, before its status changes; the user's own limit first
        lossLimits.liveRefusal(bot).ifPresent(reason -> {
            throw new ApiException.Conflict("Cannot start bot '" + bot.name() + "': " + reason);
        });
        factory.check(bot);
        BotPlacement placement = placements.getIfAvailable();
        if (placement != null) AfterCommit.run(() -> placement.start(bot.ownerId(), bot.id()));
        else AfterCommit.run(() -> launch(bot.ownerId(), bot.id(), null));
    }

    @Override
    public void stop(Bot bot, String reason) {
        BotSession session = sessions.get(bot.id());
        BotPlacement placement = placements.getIfAvailable();
        if (session == null) {
            // in a cluster the bot may run on another node: its owner stops it once this stop has committed
            if (placement != null) AfterCommit.run(() -> placement.stop(bot.ownerId(), bot.id(), reason));
            else AfterCommit.run(() -> stopHereOrFinish(bot.ownerId(), bot.id(), reason));
            return;
        }
        session.stopRequested = true;
        AfterCommit.run(() -> session.send(new BotCommand.StopBot(reason)));
    }

    /**
     * A cluster node that owns the bot stops it for a user's stop that committed on any node. Under the bot's launch
     * lock: a launch under way (which read the bot ACTIVE before the stop committed) finishes first, and its session is
     * stopped here instead of being missed.
     */
    public void stopLocal(UUID botId, String reason) {
        synchronized (locks.computeIfAbsent(botId, k -> new Object())) {
            BotSession session = sessions.get(botId);
            if (session == null || session.stopRequested) return;
            session.stopRequested = true;
            session.send(new BotCommand.StopBot(reason));
        }
    }

    /** One node: stops the bot's session, or, when none runs (e.g. it waits for its venue), carries its stop out now. */
    private void stopHereOrFinish(UUID ownerId, UUID botId, String reason) {
        synchronized (locks.computeIfAbsent(botId, k -> new Object())) {
            if (sessions.get(botId) != null) stopLocal(botId, reason);
            else launch(ownerId, botId, null);
        }
    }

    /** A cluster node that owns the bot hands it its stored config (a PUT that committed on any node). */
    public void reconfigureLocal(UUID ownerId, UUID botId) {
        bots.find(ownerId, botId).ifPresent(bot -> {
            var config = factory.config(bot);
            synchronized (locks.computeIfAbsent(botId, k -> new Object())) {
                BotSession session = sessions.get(botId);
                if (session != null && !session.stopRequested) session.send(new BotCommand.Reconfigure(config));
            }
        });
    }

    @Override
    public void reconfigure(Bot bot) {
        var config = factory.config(bot);
        BotPlacement placement = placements.getIfAvailable();
        if (placement != null && !sessions.containsKey(bot.id())) {
            AfterCommit.run(() -> placement.reconfigure(bot.ownerId(), bot.id()));
            return;
        }
        AfterCommit.run(() -> {
            // under the bot's launch lock: a session being built now read the stored config before this commit, or is
            // in the map by the time we look
            synchronized (locks.computeIfAbsent(bot.id(), k -> new Object())) {
                BotSession session = sessions.get(bot.id());
                if (session != null && !session.stopRequested) session.send(new BotCommand.Reconfigure(config));
            }
        });
    }

    @Override
    public void awaitStopped(UUID botId) {
        BotPlacement placement = placements.getIfAvailable();
        // in a cluster a stop committed here may be finishing on the bot's owner node
        if (placement != null && !sessions.containsKey(botId)) placement.awaitStopped(botId);
        else awaitStoppedHere(botId);
    }

    /** {@link #awaitStopped} for a session on this node (a cluster node answers it for the bot it owns). */
    public void awaitStoppedHere(UUID botId) {
        BotSession session = sessions.get(botId);
        if (session != null && session.stopRequested) awaitQuietly(session.finished);
    }

    /**
     * A cluster node starts a bot of a shard whose lease it holds: as {@link #launch}, with every new order journaled
     * by the fenced insert under {@code fence} and client order ids numbered from its epoch. In-flight orders are
     * reconciled with the exchange by client order id before the bot trades, as after a restart.
     */
    public void launchFenced(UUID ownerId, UUID botId, dev.botfleet.server.order.LeaseFence fence) {
        launch(ownerId, botId, java.util.Objects.requireNonNull(fence));
    }

    /**
     * A cluster node gives the bot up (its shard handed off, its lease lost): the session ends here without stopping the
     * bot — no cancels, no status change, nothing more sent — and the shard's next owner resumes it from the journal.
     */
    public void abandon(UUID botId) {
        synchronized (locks.computeIfAbsent(botId, k -> new Object())) {
            BotSession session = sessions.remove(botId);
            if (session == null) return;
            session.abandoned = true;
            if (session.subscription != null) session.subscription.close();
            Thread.ofVirtual().name("release-" + botId).start(session.release);
            session.finished.complete(null);
        }
    }

    /** Builds and starts the bot from its journal, unless it runs already or is no longer ACTIVE. */
    void launch(UUID ownerId, UUID botId) {
        launch(ownerId, botId, null);
    }

    private void launch(UUID ownerId, UUID botId, dev.botfleet.server.order.LeaseFence fence) {
        synchronized (locks.computeIfAbsent(botId, k -> new Object())) {
            BotSession previous = sessions.get(botId);
            if (previous != null) {
                if (!previous.stopRequested) return;
                awaitQuietly(previous.finished);  // its journal must be complete before we read it back
            }
            Bot bot = bots.find(ownerId, botId).orElse(null);
            if (bot == null) return;
            // not ACTIVE: run only a stop left to carry out (unless this node is carrying it out right now)
            String pendingStop = bot.status() == BotStatus.ACTIVE ? null
                    : stopping.contains(botId) ? null : runtimeBots.pendingStop(botId).orElse(null);
            if (bot.status() != BotStatus.ACTIVE && pendingStop == null) return;
            Optional<String> refusal = pendingStop != null ? Optional.empty()
                    : lossLimits.liveRefusal(bot);  // e.g. a crash came between a fill and its stop
            if (refusal.isPresent()) {
                endInError(ownerId, botId, refusal.get());
                return;
            }
            BotSession session;
            try {
                session = factory.create(bot, this, fence, fence == null ? null : () -> placements.getObject().fresh(fence));
            } catch (VenueNotReady e) {
                // After a restart the venue may not have answered yet: the bot stays ACTIVE and tries again.
                log.warn("Bot {} waits for its venue: {}", botId, e.getMessage());
                activity.record(ownerId, botId, LogLevel.WARNING, "Waiting for the exchange: " + e.getMessage()
                        + "; trying again in " + VENUE_RETRY.toSeconds() + " s");
                retries.schedule(() -> {
                    if (running) launch(ownerId, botId, fence);
                }, VENUE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (RuntimeException e) {
                log.warn("Bot {} cannot start", botId, e);
                if (pendingStop != null) stopNotCarriedOut(bot, e.getMessage());
                else endInError(ownerId, botId, "could not start: " + e.getMessage());
                return;
            }
            sessions.put(botId, session);
            if (pendingStop != null) {
                // the stop's last turn only: no market data, the strategy never runs
                session.stopRequested = true;
                session.send(new BotCommand.FinishStop(clock.instant(), pendingStop));
                return;
            }
            session.send(new BotCommand.StartBot(clock.instant(), session.history));
            session.history = List.of();  // handed over: not kept for the bot's lifetime
            session.subscription = factory.subscribe(bot, session.runner);
        }
    }

    /** Manual cancel (API): handled on the bot's turn. False if the order is not open in the running bot. */
    @Override
    public boolean cancel(UUID botId, String clientOrderId) {
        BotPlacement placement = placements.getIfAvailable();
        if (placement != null && !runsHere(botId)) return placement.cancel(botId, clientOrderId);
        return cancelHere(botId, clientOrderId);
    }

    /** {@link #cancel} in a session on this node; 409 when the bot does not run here. */
    public boolean cancelHere(UUID botId, String clientOrderId) {
        return sessions.cancel(botId, clientOrderId);
    }

    /** A webhook signal for the bot's strategy, queued in its mailbox behind what it has; false if it is not running. */
    public boolean signal(UUID botId, dev.botfleet.engine.strategy.ExternalSignal signal) {
        BotPlacement placement = placements.getIfAvailable();
        if (placement != null && !runsHere(botId)) return placement.signal(botId, signal);
        return signalHere(botId, signal);
    }

    /** {@link #signal} to a session on this node; false when the bot does not run here. */
    public boolean signalHere(UUID botId, dev.botfleet.engine.strategy.ExternalSignal signal) {
        return sessions.command(botId, new BotCommand.Signal(signal));
    }

    /**
     * Something about to happen to the bot's market (its DEX pools' mempool), queued in its mailbox behind what it has
     * for {@code Strategy.onMarketAlert}. Only on this node: the watch that sees it runs where the bot runs. False if
     * the bot is not running here.
     */
    public boolean alert(UUID botId, dev.botfleet.engine.market.MarketAlert alert) {
        return sessions.command(botId, new BotCommand.Alert(alert));
    }

    /** True if the bot has a session on this node (in a cluster: this node runs it). */
    public boolean isRunning(UUID botId) {
        return sessions.containsKey(botId);
    }

    /** How many bots have a session on this node (in a cluster: this node's share of the fleet). */
    public int runningHere() {
        return sessions.size();
    }

    /** True if the bot runs, here or (in a cluster) on another node. */
    public boolean isRunningAnywhere(UUID botId) {
        if (isRunning(botId)) return true;
        BotPlacement placement = placements.getIfAvailable();
        return placement != null && placement.isRunning(botId);
    }

    private boolean runsHere(UUID botId) {
        BotSession session = sessions.get(botId);
        return session != null && !session.stopRequested;
    }

    /**
     * Sends a command to every running bot trading on {@code exchange}, made from its symbol (e.g. a funding fixing at
     * that market's price); a symbol for which {@code command} answers null is skipped. Returns how many were sent.
     */
    public int broadcast(String exchange, java.util.function.Function<String, BotCommand> command) {
        return sessions.broadcast(exchange, command);
    }

    /**
     * Reads the running bot's kernel on the bot's own turn (its state is single-writer); empty when the bot is not
     * running or does not answer in time.
     */
    public <T> Optional<T> inspect(UUID botId, java.util.function.Function<BotKernel, T> read) {
        return sessions.inspect(botId, read);
    }

    @Override
    public dev.botfleet.server.common.CommitLane.Backlog writesBehind(UUID botId) { return sessions.writesBehind(botId); }

    // ---------------------------------------------------------------- BotSession.Outlet (on the bot's turn)

    @Override
    public void activity(BotSession session, ActivityEntry entry) { publisher.activity(session, entry); }

    @Override
    public void orderUpdated(BotSession session, OrderSnapshot order) { publisher.orderUpdated(session, order); }

    @Override
    public void filled(BotSession session, Fill fill) { publisher.filled(session, fill); }

    @Override
    public void dealCompleted(BotSession session, Deal deal) { publisher.dealCompleted(session, deal); }

    @Override
    public void warmup(BotSession session, WarmupProgress progress) {
        events.publishEvent(new BotChanged(session.ownerId, session.botId));  // the dashboard shows the progress
    }

    @Override
    public Optional<WarmupProgress> warmup(UUID botId) {
        BotPlacement placement = placements.getIfAvailable();
        if (placement != null && !sessions.containsKey(botId)) return placement.warmup(botId);
        return warmupHere(botId);
    }

    /** {@link #warmup} of a session on this node. */
    public Optional<WarmupProgress> warmupHere(UUID botId) {
        return sessions.warmup(botId);
    }

    @Override
    public void stopped(BotSession session, String reason, boolean error) {
        if (session.writesBehind != null) {
            // what the bot wrote behind is stored before anyone learns it stopped (and before it may start again)
            try {
                session.writesBehind.run(() -> { });
            } catch (RuntimeException e) {
                log.warn("Bot {}: its last writes were not confirmed at its stop: {}", session.botId, e.toString());
            }
        }
        boolean wasCurrent = sessions.remove(session.botId, session);
        if (session.subscription != null) session.subscription.close();
        if (session.mustNotSend()) {
            // a cluster node that lost the bot's shard: the bot is ACTIVE for its new owner, nothing here may change that
            Thread.ofVirtual().name("release-" + session.botId).start(session.release);
            session.finished.complete(null);
            return;
        }
        // Off the bot's turn: a live port first finishes sending the stop's cancels; only then is a stop carried out
        BotPlacement placement = placements.getIfAvailable();
        if (session.stopRequested) stopping.add(session.botId);
        Thread.ofVirtual().name("release-" + session.botId).start(() -> {
            release(session);
            awaitQuietly(session.finished);  // the status it ended with is stored first: the entity decides on it
            if (placement != null && wasCurrent) placement.ended(session.ownerId, session.botId);
        });
        if (!session.stopRequested && running) {
            // the bot ended itself: done (STOPPED) or failed (ERROR); a user's stop already set STOPPED
            if (runtimeBots.setStatusIfActive(session.botId, error ? BotStatus.ERROR : BotStatus.STOPPED, reason,
                    Times.now(clock))) {
                events.publishEvent(new BotChanged(session.ownerId, session.botId));
                events.publishEvent(new BotAlert(session.ownerId, session.botId, error ? BotAlert.Kind.ERROR : BotAlert.Kind.STOPPED,
                        "Bot " + session.name + (error ? " stopped in ERROR: " : " stopped: ") + reason,
                        Map.of("botId", session.botId.toString(), "botName", session.name, "reason", String.valueOf(reason))));
            }
        }
        session.finished.complete(null);
    }

    /**
     * Ends the session's hold on its venue (a live port sends the stop's cancels first); for a user's stop, then records
     * that it was carried out. If the release fails, the stop stays pending and is carried out again.
     */
    private void release(BotSession session) {
        try {
            session.release.run();
            if (session.stopRequested) runtimeBots.stopCarriedOut(session.botId);
        } catch (RuntimeException e) {
            log.warn("Bot {}: its stop was not confirmed carried out: {}", session.botId, e.toString());
        } finally {
            stopping.remove(session.botId);
        }
    }

    /** A stop left to carry out cannot be (e.g. the bot's API key was deleted): said, and not tried again. */
    private void stopNotCarriedOut(Bot bot, String problem) {
        try {
            activity.record(bot.ownerId(), bot.id(), LogLevel.ERROR, "Could not finish the bot's stop: " + problem
                    + "; orders it had open may still be open on " + bot.exchange());
            runtimeBots.stopCarriedOut(bot.id());
        } catch (RuntimeException e) {
            log.error("Bot {}: cannot record its unfinished stop", bot.id(), e);
        }
    }

    /** The mailbox handler threw (e.g. the database is unreachable): stop the bot in ERROR, without its help if need be. */
    void handlerFailed(BotSession session, RuntimeException e) {
        log.error("Bot {} failed handling an event", session.botId, e);
        // during shutdown the database goes away under running bots: they stay ACTIVE and resume on the next start
        if (!running) return;
        if (session.failing) {
            stopped(session, "internal error: " + e.getMessage(), true);
            return;
        }
        session.failing = true;
        session.fail("internal error: " + e.getMessage());
    }

    private void endInError(UUID ownerId, UUID botId, String reason) {
        try {
            if (runtimeBots.setStatusIfActive(botId, BotStatus.ERROR, reason, Times.now(clock))) {
                activity.record(ownerId, botId, LogLevel.ERROR, "Bot stopped: " + reason);
                events.publishEvent(new BotAlert(ownerId, botId, BotAlert.Kind.ERROR, "A bot stopped in ERROR: " + reason,
                        Map.of("botId", botId.toString(), "reason", String.valueOf(reason))));
                events.publishEvent(new BotChanged(ownerId, botId));
            }
        } catch (RuntimeException e) {
            log.error("Cannot mark bot {} as ERROR", botId, e);
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> future) {
        try {
            future.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("A stopping bot did not finish in {}", COMMAND_TIMEOUT);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** After the sim feed (phase 0): every ACTIVE bot resumes from its journal; in-flight orders are reconciled. */
    @Override
    public void start() {
        running = true;
        // a cluster node resumes only the bots of the shards it comes to own (remember-entities), not every ACTIVE bot
        if (placements.getIfAvailable() != null) return;
        List<RuntimeRepository.ActiveBot> toRun = runtimeBots.botsToRun();
        for (RuntimeRepository.ActiveBot bot : toRun) launch(bot.ownerId(), bot.id(), null);
        if (!toRun.isEmpty()) log.info("Resumed {} bot(s) (ACTIVE, or with a stop to finish)", toRun.size());
    }

    /** Shutdown leaves bots ACTIVE (they resume on the next start) and their orders resting. */
    @Override
    public void stop() {
        running = false;
        retries.shutdownNow();
        for (BotSession s : sessions.values()) if (s.subscription != null) s.subscription.close();
        sessions.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 1;
    }
}
