package dev.botfleet.server.risk;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.bot.BotService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    public LossLimitEnforcer(DailyLossCheck check, BotService bots) {
        this.check = check;
        this.bots = bots;
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
        return check.breach(ownerId, quoteAsset)
                .map(breach -> bots.stopInError(ownerId,
                        bot -> bot.mode() == BotMode.LIVE && bot.quoteAsset().equals(quoteAsset), breach.reason()))
                .orElse(List.of());
    }
}
