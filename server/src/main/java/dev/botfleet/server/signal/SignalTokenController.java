package dev.botfleet.server.signal;

import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.strategies.external.ExternalSignalDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.UUID;

/** Makes (or replaces) a signal bot's webhook token: the one answer that carries it. Another user's bot is a 404. */
@RestController
public class SignalTokenController {
    /** The new token and the path to post signals to; shown once, never stored or logged in the clear. */
    public record Created(String token, String path) {
        @Override
        public String toString() {
            return "Created[token=***]";
        }
    }

    private final BotService bots;
    private final SignalTokens tokens;
    private final ActivityLogService activity;
    private final Clock clock;

    public SignalTokenController(BotService bots, SignalTokens tokens, ActivityLogService activity, Clock clock) {
        this.bots = bots;
        this.tokens = tokens;
        this.activity = activity;
        this.clock = clock;
    }

    @PostMapping("/api/v1/bots/{id}/signal-token")
    @Transactional
    public Created rotate(CurrentUser user, @PathVariable UUID id) {
        Bot bot = bots.get(user.id(), id);
        if (!ExternalSignalDefinition.ID.equals(bot.strategy())) {
            throw new ApiException.Conflict("Only a bot with strategy 'signal' has a signal webhook; this one runs "
                    + bot.strategy());
        }
        boolean had = tokens.ofBot(id).isPresent();
        String token = tokens.rotate(id, Times.now(clock));
        activity.record(user.id(), id, LogLevel.INFO, had ? "Signal webhook token rotated: the old URL no longer works"
                : "Signal webhook token created");
        return new Created(token, SignalTokens.PATH + token);
    }
}
