package dev.botfleet.server.bot;

import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.Times;
import dev.botfleet.strategies.StrategyCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * PUT on an ACTIVE bot (hot reload). Only the name and the parameters its strategy declares live-editable may change;
 * anything else (exchange, symbol, strategy, mode, key, leverage, margin mode, any other parameter) is a 409
 * {@code BOT_RUNNING_STRUCTURAL_CHANGE} naming the fields. Runs inside {@link BotService}'s transaction, with the bot's
 * row locked, so a stop cannot interleave: the new config is stored, logged with its diff and handed to the running bot
 * after the commit (a rolled-back edit reaches no bot).
 */
@Component
class RunningBotEdit {
    private final BotRepository bots;
    private final BotResolver resolver;
    private final BotRuntime runtime;
    private final StrategyCatalog strategies;
    private final ActivityLogService activity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    RunningBotEdit(BotRepository bots, BotResolver resolver, BotRuntime runtime, StrategyCatalog strategies,
                   ActivityLogService activity, ApplicationEventPublisher events, Clock clock, JsonMapper json) {
        this.json = json;
        this.bots = bots;
        this.resolver = resolver;
        this.runtime = runtime;
        this.strategies = strategies;
        this.activity = activity;
        this.events = events;
        this.clock = clock;
    }

    /** @param current the bot, ACTIVE, its row locked by the caller */
    Bot apply(UUID ownerId, Bot current, BotRequest request) {
        BotSpec spec = resolver.resolve(ownerId, request);  // 400 naming the field, as for a stopped bot
        List<String> structural = new ArrayList<>();
        if (!spec.exchange().equals(current.exchange())) structural.add("exchange");
        if (!spec.symbol().equals(current.symbol())) structural.add("symbol");
        if (!spec.strategy().equals(current.strategy())) structural.add("strategy");
        if (spec.mode() != current.mode()) structural.add("mode");
        if (!Objects.equals(spec.credentialId(), current.credentialId())) structural.add("credentialId");
        MarginSettings was = current.margin();
        MarginSettings now = spec.margin();
        if (was == null || now == null ? was != now : was.leverage().compareTo(now.leverage()) != 0) {
            structural.add("leverage");  // set on the venue when the bot starts
        }
        if (was != null && now != null && was.mode() != now.mode()) structural.add("marginMode");
        List<BotReconfigured.Change> changes = new ArrayList<>();
        if (!spec.name().equals(current.name())) changes.add(new BotReconfigured.Change("name", current.name(), spec.name()));
        int nameChanges = changes.size();
        if (structural.isEmpty()) {
            StrategyDefinition definition = strategies.find(current.strategy()).orElseThrow();
            for (String p : definition.changed(StrategyConfig.of(current.config()), StrategyConfig.of(spec.config()))) {
                if (definition.isLiveEditable(p)) {
                    changes.add(new BotReconfigured.Change(p, text(current.config().get(p)),
                            text(spec.config().get(p))));
                } else {
                    structural.add("config." + p);
                }
            }
        }
        if (!structural.isEmpty()) {
            throw new ApiException.Conflict(ErrorCode.BOT_RUNNING_STRUCTURAL_CHANGE, "Bot '" + current.name()
                    + "' is ACTIVE: stop it to change " + String.join(", ", structural), structural);
        }
        if (changes.isEmpty()) return current;
        Instant at = Times.now(clock);
        bots.update(ownerId, current.id(), spec, at);
        Bot updated = bots.find(ownerId, current.id()).orElseThrow();
        activity.record(ownerId, current.id(), LogLevel.INFO, "Bot '" + updated.name() + "' reconfigured while running: "
                + String.join(", ", changes.stream().map(BotReconfigured.Change::toString).toList()));
        if (changes.size() > nameChanges) runtime.reconfigure(updated);
        events.publishEvent(new BotReconfigured(ownerId, current.id(), updated.name(), changes, at));
        events.publishEvent(new BotChanged(ownerId, current.id()));
        return updated;
    }

    private String text(Object value) {
        if (value == null) return null;
        return value instanceof Map<?, ?> || value instanceof List<?> ? json.writeValueAsString(value) : value.toString();
    }
}
