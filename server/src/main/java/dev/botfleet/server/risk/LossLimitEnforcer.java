package dev.botfleet.server.risk;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.bot.BotService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.botfleet.server.notify.BotAlert;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Acts on a tripped daily loss limit: after every LIVE fill, if the owner's loss today in the fill's quote asset has
 * reached the limit, every ACTIVE LIVE bot of that owner trading in that asset stops in ERROR (canceling its open
 * orders, as any stop does). PAPER bots are never touched: their money is not real.
 */
@Component
public class LossLimitEnforcer {
    private static final Logger log = LoggerFactory.getLogger(LossLimitEnforcer.class);

    private final DailyLossCheck check;
    private final BotService bots;
    private final ApplicationEventPublisher events;

    public LossLimitEnforcer(DailyLossCheck check, BotService bots, ApplicationEventPublisher events) {
        this.check = check;
        this.bots = bots;
        this.events = events;
    }

    /**
     * Runs on the filling bot's turn, so the stop is asked for before the bot handles anything else. It only asks
     * (the stops happen on each bot's own turn), so it never waits for a bot, least of all the one it runs on.
     */
    @EventListener
    public void onLiveFill(LiveFillBooked fill) {
        try {
            enforce(fill.ownerId(), fill.quoteAsset());
        } catch (RuntimeException e) {
            // The fill is booked either way; the next LIVE fill checks again. Failing the bot's turn here would put
            // this bot in ERROR for a reason that is not its own.
            log.error("Daily loss limit check failed for owner {} in {}", fill.ownerId(), fill.quoteAsset(), e);
        }
    }

    /** @return the bots stopped (none unless the limit in {@code quoteAsset} is reached) */
    public List<Bot> enforce(UUID ownerId, String quoteAsset) {
        return check.breach(ownerId, quoteAsset).map(breach -> {
            // each bot is stopped in a transaction of its own (BotService.stopEach), found still ACTIVE under its
            // row's lock: a bot is stopped once, and a later fill's check finds none left to stop, so sends no alert
            List<Bot> stopped = bots.stopInError(ownerId,
                    bot -> bot.mode() == BotMode.LIVE && bot.quoteAsset().equals(quoteAsset), breach.reason());
            if (!stopped.isEmpty()) events.publishEvent(riskAlert(ownerId, breach, stopped.size()));
            return stopped;
        }).orElse(List.of());
    }

    private static BotAlert riskAlert(UUID ownerId, DailyLossCheck.Breach breach, int stopped) {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("event", "DAILY_LOSS_LIMIT");
        data.put("quoteAsset", breach.asset());
        data.put("realizedPnl", breach.realizedPnl().stripTrailingZeros().toPlainString());
        data.put("limit", breach.limit().stripTrailingZeros().toPlainString());
        data.put("day", breach.day().toString());
        data.put("botsStopped", stopped);
        data.put("reason", breach.reason());
        return new BotAlert(ownerId, null, BotAlert.Kind.RISK,
                "Risk: " + breach.reason() + "; " + stopped + " LIVE bot(s) stopped", data);
    }
}
