package dev.botfleet.server.bot;

import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.notify.BotAlert;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Bot management. Every change and its activity-log entry are one transaction. ACTIVE bots cannot be deleted (409); an
 * ACTIVE bot's edit may change only its name and live-editable parameters ({@link RunningBotEdit}), stop it for more.
 */
@Service
public class BotService {
    private final BotRepository bots;
    private final BotResolver resolver;
    private final BotRuntime runtime;
    private final ActivityLogService activity;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final RunningBotEdit runningEdit;
    private final BotDirectory directory;

    public BotService(BotRepository bots, BotResolver resolver, BotRuntime runtime, ActivityLogService activity, Clock clock,
                      ApplicationEventPublisher events, PlatformTransactionManager transactions,
                      RunningBotEdit runningEdit, BotDirectory directory) {
        this.directory = directory;
        this.runningEdit = runningEdit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.bots = bots;
        this.resolver = resolver;
        this.runtime = runtime;
        this.activity = activity;
        this.clock = clock;
    }

    /** From the {@link BotDirectory} on one node, else (or inside a transaction) from the database. */
    public PageResponse<Bot> list(UUID ownerId, BotStatus status, Paging paging) {
        if (directory.serves()) return directory.page(ownerId, status, paging);
        return transaction.execute(t -> new PageResponse<>(bots.page(ownerId, status, paging), paging.page(),
                paging.size(), bots.count(ownerId, status)));
    }

    /** The owner's bot as stored (404 for another's), from the {@link BotDirectory} on one node. */
    public Bot get(UUID ownerId, UUID id) {
        return (directory.serves() ? directory.find(ownerId, id) : bots.find(ownerId, id)).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Bot create(UUID ownerId, BotRequest request) {
        BotSpec spec = resolver.resolve(ownerId, request);
        Instant now = Times.now(clock);
        Bot bot = new Bot(UUID.randomUUID(), ownerId, spec.name(), spec.exchange(), spec.symbol(), spec.strategy(),
                spec.mode(), BotStatus.STOPPED, null, spec.config(), BigDecimal.ZERO, 0, null, now, now,
                spec.credentialId(), spec.margin());
        bots.insert(bot);
        activity.record(ownerId, bot.id(), LogLevel.INFO, "Bot '" + bot.name() + "' created: " + describe(bot));
        return bot;
    }

    @Transactional
    public Bot update(UUID ownerId, UUID id, BotRequest request) {
        Bot current = bots.findForUpdate(ownerId, id).orElseThrow(() -> notFound(id));
        if (current.status() == BotStatus.ACTIVE) return runningEdit.apply(ownerId, current, request);
        BotSpec spec = resolver.resolve(ownerId, request);
        bots.update(ownerId, id, spec, Times.now(clock));
        Bot updated = inTransaction(ownerId, id);
        activity.record(ownerId, id, LogLevel.INFO, "Bot '" + updated.name() + "' updated: " + describe(updated));
        return updated;
    }

    /**
     * Deletes a stopped bot with its orders, fills and positions. A bot stopped a moment ago may still be finishing
     * its last turn (canceling its orders, journaling): we wait for that first, outside the transaction — inside it,
     * the row lock taken here would block the journal's writes that reference the bot, and each would wait on the
     * other.
     */
    public void delete(UUID ownerId, UUID id) {
        bots.find(ownerId, id).orElseThrow(() -> notFound(id));  // another user's bot: 404 before anything else
        runtime.awaitStopped(id);
        transaction.executeWithoutResult(status -> {
            Bot bot = bots.findForUpdate(ownerId, id).orElseThrow(() -> notFound(id));
            if (bot.status() == BotStatus.ACTIVE) {
                throw new ApiException.Conflict("Bot '" + bot.name() + "' is ACTIVE; stop it before deleting it");
            }
            bots.delete(ownerId, id);
            activity.record(ownerId, null, LogLevel.WARNING, "Bot '" + bot.name() + "' (" + id + ") deleted");
        });
    }

    /** Starting an ACTIVE bot changes nothing and answers the bot as it is. */
    @Transactional
    public Bot start(UUID ownerId, UUID id) {
        Bot bot = bots.findForUpdate(ownerId, id).orElseThrow(() -> notFound(id));
        if (bot.status() == BotStatus.ACTIVE) return bot;
        if (bot.mode() == BotMode.LIVE) {
            // the API key may have been deleted, or the adapter removed, since the bot was saved
            resolver.liveProblem(ownerId, bot.exchange()).ifPresent(problem -> {
                throw new ApiException.Conflict("Cannot start bot '" + bot.name() + "': " + problem);
            });
        }
        runtime.start(bot);
        bots.setStatus(ownerId, id, BotStatus.ACTIVE, null, null, Times.now(clock));
        activity.record(ownerId, id, LogLevel.SUCCESS, "Bot '" + bot.name() + "' started (" + describe(bot) + ")");
        events.publishEvent(new BotAlert(ownerId, id, BotAlert.Kind.STARTED, "Bot " + bot.name() + " started (" + describe(bot) + ")",
                alertData(bot, null)));
        events.publishEvent(new BotChanged(ownerId, id));
        return inTransaction(ownerId, id);
    }

    /** Stopping a STOPPED bot changes nothing; stopping an ERROR bot clears its error. */
    @Transactional
    public Bot stop(UUID ownerId, UUID id) {
        Bot bot = bots.findForUpdate(ownerId, id).orElseThrow(() -> notFound(id));
        if (bot.status() == BotStatus.STOPPED) return bot;
        stopOne(bot, "stopped by user");
        return inTransaction(ownerId, id);
    }

    @Transactional
    public Bot toggle(UUID ownerId, UUID id) {
        Bot bot = bots.findForUpdate(ownerId, id).orElseThrow(() -> notFound(id));
        return bot.status() == BotStatus.ACTIVE ? stop(ownerId, id) : start(ownerId, id);
    }

    /** The emergency brake: every ACTIVE bot of the caller stops (see {@link #stopEach} for why bot by bot). */
    public int stopAll(UUID ownerId) {
        int stopped = stopEach(ownerId, bot -> true, bot -> stopOne(bot, "stop-all")).size();
        transaction.executeWithoutResult(status -> {
            activity.record(ownerId, null, LogLevel.WARNING, "Stop-all: " + stopped + " bot(s) stopped");
            events.publishEvent(new BotAlert(ownerId, null, BotAlert.Kind.RISK, "Stop-all: " + stopped + " bot(s) stopped",
                    java.util.Map.of("event", "STOP_ALL", "botsStopped", stopped)));
        });
        return stopped;
    }

    /**
     * Stops the ACTIVE bots of an account that {@code which} selects, in ERROR with {@code reason} as their status
     * reason and an ERROR activity line (e.g. its daily loss limit was reached). Each cancels its open orders, as on
     * any stop. It only asks the runtime (no waiting), so a bot's own turn may call it. Each bot's stop is committed on
     * its own ({@link #stopEach}).
     *
     * @return the bots stopped
     */
    public List<Bot> stopInError(UUID ownerId, Predicate<Bot> which, String reason) {
        return stopEach(ownerId, which, bot -> {
            runtime.stop(bot, reason);
            bots.setStatus(ownerId, bot.id(), BotStatus.ERROR, reason, reason, Times.now(clock));
            activity.record(ownerId, bot.id(), LogLevel.ERROR, "Bot '" + bot.name() + "' stopped: " + reason);
            events.publishEvent(new BotAlert(ownerId, bot.id(), BotAlert.Kind.ERROR, "Bot " + bot.name() + " stopped in ERROR: " + reason,
                    alertData(bot, reason)));
            events.publishEvent(new BotChanged(ownerId, bot.id()));
        });
    }

    /**
     * Stops every ACTIVE bot of an account and waits until each has finished its last turn (orders canceled and
     * journaled), outside the transaction for the reason given at {@link #delete}.
     *
     * @return how many bots were stopped
     */
    public int stopAllAndWait(UUID ownerId, String reason) {
        List<Bot> active = stopEach(ownerId, bot -> true, bot -> stopOne(bot, reason));
        for (Bot bot : active) runtime.awaitStopped(bot.id());
        return active.size();
    }

    /**
     * Runs {@code stop} on each ACTIVE bot of the account that {@code which} selects, oldest first, each in a
     * transaction of its own that locks only that bot's row (and finds it still ACTIVE). Never all the account's rows
     * in one transaction: the journal's writer commits many bots' rows in one transaction, in the order their turns
     * came, so a transaction holding several bots' row locks could deadlock with it (PostgreSQL then rolls one back);
     * a transaction that waits for a single row cannot be part of a cycle. A caller's transaction (a Telegram update's,
     * a risk limit's change) is suspended meanwhile; it must hold no lock on the account's bots.
     */
    private List<Bot> stopEach(UUID ownerId, Predicate<Bot> which, Consumer<Bot> stop) {
        List<Bot> stopped = new ArrayList<>();
        for (Bot seen : bots.active(ownerId)) {
            if (!which.test(seen)) continue;
            Bot bot = ownTransaction.execute(status -> bots.findForUpdate(ownerId, seen.id())
                    .filter(locked -> locked.status() == BotStatus.ACTIVE && which.test(locked))
                    .map(locked -> {
                        stop.accept(locked);
                        return locked;
                    }).orElse(null));
            if (bot != null) stopped.add(bot);
        }
        return stopped;
    }

    /** Inside the caller's transaction: locks the account's ACTIVE bots, if any. */
    public boolean anyActive(UUID ownerId) {
        return !bots.activeForUpdate(ownerId).isEmpty();
    }

    /** Inside the caller's transaction, which deleted the account (its bots went by cascade): see {@link BotDirectory#ownerDeleted}. */
    public void ownerDeleted(UUID ownerId) {
        directory.ownerDeleted(ownerId);
    }

    public BotRepository.Summary summary(UUID ownerId) {
        return directory.serves() ? directory.summary(ownerId) : bots.summary(ownerId);
    }

    private void stopOne(Bot bot, String reason) {
        runtime.stop(bot, reason);
        // an ERROR bot's last turn ran already: only a running bot's stop is left to carry out
        String pendingStop = bot.status() == BotStatus.ACTIVE ? reason : null;
        bots.setStatus(bot.ownerId(), bot.id(), BotStatus.STOPPED, null, pendingStop, Times.now(clock));
        activity.record(bot.ownerId(), bot.id(), LogLevel.INFO, "Bot '" + bot.name() + "' stopped (" + reason + ")");
        events.publishEvent(new BotAlert(bot.ownerId(), bot.id(), BotAlert.Kind.STOPPED, "Bot " + bot.name() + " stopped (" + reason + ")",
                alertData(bot, reason)));
        events.publishEvent(new BotChanged(bot.ownerId(), bot.id()));
    }

    /** The bot's fields in a webhook's {@code data}. */
    private static java.util.Map<String, Object> alertData(Bot bot, String reason) {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("botId", bot.id().toString());
        data.put("botName", bot.name());
        data.put("exchange", bot.exchange());
        data.put("symbol", bot.symbol());
        data.put("strategy", bot.strategy());
        data.put("mode", bot.mode().name());
        if (reason != null) data.put("reason", reason);
        return data;
    }

    private static String describe(Bot bot) {
        return bot.strategy() + " on " + bot.exchange() + " " + bot.symbol() + ", " + bot.mode();
    }

    /** The bot as the current transaction has it (its own changes too: the directory learns of them once committed). */
    private Bot inTransaction(UUID ownerId, UUID id) {
        return bots.find(ownerId, id).orElseThrow(() -> notFound(id));
    }

    private static ApiException.NotFound notFound(UUID id) {
        return new ApiException.NotFound("No bot " + id);
    }
}
