package dev.botfleet.server.runtime;

import dev.botfleet.engine.kernel.ActivityEntry;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.bot.BotChanged;
import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.notify.DealText;
import dev.botfleet.server.order.OrderQueries;
import dev.botfleet.server.risk.LiveFillBooked;
import dev.botfleet.server.stream.EventStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells what a bot's turn did — activity-log lines, order updates, fills, completed deals — to the activity log, the
 * event stream and the notifications. Called on the bot's turn (through {@link TradingRuntime}); a paper bot writes
 * behind ({@link BotSession#writesBehind}), so what it tells waits until what it tells about is stored.
 */
@Component
class TurnPublisher {
    private static final Logger log = LoggerFactory.getLogger(TurnPublisher.class);

    private final GroupCommit commits;
    private final ActivityLogService activity;
    private final OrderQueries queries;
    private final EventStream stream;
    private final ApplicationEventPublisher events;

    TurnPublisher(GroupCommit commits, ActivityLogService activity, OrderQueries queries, EventStream stream,
                  ApplicationEventPublisher events) {
        this.commits = commits;
        this.activity = activity;
        this.queries = queries;
        this.stream = stream;
        this.events = events;
    }

    void activity(BotSession session, ActivityEntry entry) {
        LogLevel level = LogLevel.valueOf(entry.level().name());
        if (session.writesBehind == null) {
            commits.lane(session.botId).forBot(session.botId).run(() -> activity.record(session.ownerId, session.botId, level, entry.message()));
            return;
        }
        // behind the bot's other writes, like them; the stream tells it once committed (ActivityLogService)
        activity.recordBehind(session.writesBehind, session.ownerId, session.botId, level, entry.message(),
                e -> log.warn("Bot {}: an activity-log line was not stored: {}", session.botId, e.toString()));
    }

    void orderUpdated(BotSession session, OrderSnapshot order) {
        if (!stream.watching(session.ownerId)) return;
        // the stream shows what is stored: a paper bot's event is told once its write-behind is committed
        session.whenDurable(() -> queries.orderByClientId(session.botId, order.clientOrderId())
                .ifPresent(o -> stream.publish(session.ownerId, "order", o)));
    }

    void filled(BotSession session, Fill fill) {
        // real money moved: the owner's daily loss limit is checked now, on this bot's turn (LossLimitEnforcer)
        if (session.live) events.publishEvent(new LiveFillBooked(session.ownerId, session.botId, session.quoteAsset));
        // a fill is told (notifications, stream) only once it is stored: none is acknowledged and then lost
        session.whenDurable(() -> {
            events.publishEvent(DealText.fill(session.ownerId, session.botId, session.name, fill));
            if (!stream.watching(session.ownerId)) return;
            queries.orderByClientId(session.botId, fill.clientOrderId())
                    .ifPresent(o -> stream.publish(session.ownerId, "order", o));
            queries.trade(session.botId, fill.clientOrderId(), fill.tradeId())
                    .ifPresent(t -> stream.publish(session.ownerId, "trade", t));
            events.publishEvent(new BotChanged(session.ownerId, session.botId));  // lastFillTime moved
        });
    }

    void dealCompleted(BotSession session, Deal deal) {
        session.whenDurable(() -> {
            events.publishEvent(DealText.closed(session.ownerId, session.botId, session.name, deal));
            events.publishEvent(new BotChanged(session.ownerId, session.botId));  // pnl and totalTrades moved
        });
    }
}
