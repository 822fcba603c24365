package dev.botfleet.server.activity;

import dev.botfleet.server.common.BatchedRow;
import dev.botfleet.server.common.CommitLane;
import dev.botfleet.server.common.Ids;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes and reads the activity log. Writes join the caller's transaction: a bot change and its log entry are stored
 * together or not at all.
 */
@Service
public class ActivityLogService {
    public static final int MAX_MESSAGE = 1000;

    private final ActivityLogRepository logs;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public ActivityLogService(ActivityLogRepository logs, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.logs = logs;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public ActivityLog record(UUID ownerId, UUID botId, LogLevel level, String message) {
        ActivityLog entry = entry(ownerId, botId, level, message);
        logs.insert(entry);
        events.publishEvent(entry);  // the event stream sends it once the transaction commits
        return entry;
    }

    /**
     * A bot's line written behind its other writes (a paper bot's turn): queued on the bot's group-commit lane, inserted
     * in one JDBC batch with the commit's other lines ({@link BatchedRow}), told to the event stream once committed.
     *
     * @param failed told (on the lane's callback thread) when the line could not be stored
     */
    public void recordBehind(CommitLane.Backlog writes, UUID ownerId, UUID botId, LogLevel level, String message,
                             Consumer<RuntimeException> failed) {
        ActivityLog entry = entry(ownerId, botId, level, message);
        writes.insert(logs.row(entry), () -> events.publishEvent(entry), failed);
    }

    private ActivityLog entry(UUID ownerId, UUID botId, LogLevel level, String message) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
        return new ActivityLog(Ids.timeOrdered(), ownerId, botId, level, text, Times.now(clock));
    }

    /** A user's own entry (POST /logs): validated, and {@code botId} must be one of the caller's bots. */
    @Transactional
    public ActivityLog post(UUID ownerId, String level, String message, UUID botId) {
        Violations v = new Violations();
        LogLevel parsed = v.oneOf("level", level, LogLevel.class, true);
        String text = v.text("message", message, MAX_MESSAGE);
        if (botId != null && !logs.ownsBot(ownerId, botId)) {
            v.add("botId", "no such bot", botId); // same answer for someone else's bot: no existence leak
        }
        v.throwIfAny();
        return record(ownerId, botId, parsed, text);
    }

    @Transactional(readOnly = true)
    public PageResponse<ActivityLog> find(UUID ownerId, LogLevel level, UUID botId, Paging paging) {
        return new PageResponse<>(logs.find(ownerId, level, botId, paging), paging.page(), paging.size(),
                logs.count(ownerId, level, botId));
    }
}
