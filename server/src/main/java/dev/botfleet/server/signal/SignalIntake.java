package dev.botfleet.server.signal;

import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotRepository;
import dev.botfleet.server.bot.BotStatus;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.runtime.TradingRuntime;
import dev.botfleet.strategies.external.ExternalSignalDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of POST /api/v1/signals/{token}, in order: the token names a bot (else 404) → the bot's rate limit
 * (429) → the body (400 naming the field) → the symbol (400) → the bot runs the signal strategy and is ACTIVE (409)
 * → a replay (same id, or a timestamp older than the last accepted one) is ignored with 200 → accepted: the id and
 * time are stored and the activity logged in one transaction, then the signal is posted to the bot's mailbox.
 * Every outcome after the token is written to the bot's activity log; the token itself never is, anywhere.
 */
@Service
public class SignalIntake {
    private static final Logger log = LoggerFactory.getLogger(SignalIntake.class);

    /** The answer to a signal that got past the checks: accepted, or ignored as a replay ("duplicate", "stale"). */
    public record Answer(boolean accepted, String reason) {
    }

    private final SignalTokens tokens;
    private final BotRepository bots;
    private final TradingRuntime runtime;
    private final ActivityLogService activity;
    private final SignalProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SignalRateLimiter limiter;
    /** One signal of a bot at a time: the replay checks and the mailbox see signals in the same order. */
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();

    public SignalIntake(SignalTokens tokens, BotRepository bots, TradingRuntime runtime, ActivityLogService activity,
                        SignalProperties properties, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.tokens = tokens;
        this.bots = bots;
        this.runtime = runtime;
        this.activity = activity;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.limiter = new SignalRateLimiter(properties.maxPerMinute(), clock);
    }

    public Answer receive(String token, String body) {
        SignalTokens.Stored stored = tokens.byToken(token == null ? "" : token).orElse(null);
        Bot bot = stored == null ? null : bots.find(stored.ownerId(), stored.botId()).orElse(null);
        if (bot == null) {
            log.info("Refused a signal: unknown token");
            throw new ApiException.NotFound("No such signal webhook");
        }
        var wait = limiter.acquire(bot.id());
        if (wait.isPresent()) {
            refuse(bot, "Signal refused: more than " + properties.maxPerMinute() + " signals in a minute");
            throw new ApiException.RateLimited("More than " + properties.maxPerMinute()
                    + " signals a minute for this bot; try again later", wait.get());
        }
        SignalMessage message;
        try {
            message = SignalMessage.parse(body, json);
        } catch (ApiException.Invalid e) {
            refuse(bot, "Signal refused: " + e.getMessage());
            throw e;
        }
        String label = label(message);
        if (message.symbol() != null && !SignalMessage.sameMarket(message.symbol(), bot.symbol())) {
            refuse(bot, "Signal " + label + " refused: symbol " + message.symbol() + " is not this bot's " + bot.symbol());
            throw new ApiException.Invalid("symbol", "is not this bot's symbol " + bot.symbol(), message.symbol());
        }
        if (!ExternalSignalDefinition.ID.equals(bot.strategy())) {
            refuse(bot, "Signal " + label + " refused: the bot's strategy is " + bot.strategy() + ", not signal");
            throw new ApiException.Conflict("The bot's strategy is " + bot.strategy() + "; only a signal bot takes signals");
        }
        synchronized (locks.computeIfAbsent(bot.id(), k -> new Object())) {
            return decide(bot, message, label);
        }
    }

    private Answer decide(Bot bot, SignalMessage message, String label) {
        if (bot.status() != BotStatus.ACTIVE || !runtime.isRunningAnywhere(bot.id())) {
            refuse(bot, "Signal " + label + " refused: the bot is " + bot.status() + "; start it to trade on signals");
            throw new ApiException.Conflict("The bot is " + bot.status() + "; start it to trade on signals");
        }
        Instant now = Times.now(clock);
        Answer answer = tx.execute(status -> {
            // read again inside the lock: the last accepted time may have moved since the token was looked up
            Instant last = tokens.ofBot(bot.id()).map(SignalTokens.Stored::lastSignalTime).orElse(null);
            if (message.timestamp() != null && last != null && message.timestamp().isBefore(last)) {
                activity.record(bot.ownerId(), bot.id(), LogLevel.WARNING, "Signal " + label + " ignored: its timestamp "
                        + message.timestamp() + " is older than the last accepted signal's (" + last + ")");
                return new Answer(false, "stale");
            }
            if (message.id() != null && !tokens.remember(bot.id(), message.id(), now, properties.recentIds())) {
                activity.record(bot.ownerId(), bot.id(), LogLevel.WARNING, "Signal " + label
                        + " ignored: a signal with this id was already received");
                return new Answer(false, "duplicate");
            }
            if (message.timestamp() != null) tokens.accepted(bot.id(), message.timestamp());
            activity.record(bot.ownerId(), bot.id(), LogLevel.INFO, "Signal received: " + describe(message, label));
            return new Answer(true, null);
        });
        if (answer.accepted()) {
            runtime.signal(bot.id(), new ExternalSignal(message.action(), message.price(), message.size(), message.id(), now));
        }
        return answer;
    }

    private void refuse(Bot bot, String message) {
        log.info("Bot {}: {}", bot.id(), message);
        activity.record(bot.ownerId(), bot.id(), LogLevel.WARNING, message);
    }

    private static String label(SignalMessage m) {
        return new ExternalSignal(m.action(), null, null, m.id(), Instant.EPOCH).label();
    }

    private static String describe(SignalMessage m, String label) {
        StringBuilder s = new StringBuilder(label);
        if (m.size() != null) s.append(", size ").append(m.size().toPlainString());
        s.append(m.price() == null ? ", at market" : ", price " + m.price().toPlainString());
        return s.toString();
    }
}
