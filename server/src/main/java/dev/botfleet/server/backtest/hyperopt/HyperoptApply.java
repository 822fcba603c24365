package dev.botfleet.server.backtest.hyperopt;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.bot.BotRequest;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.bot.BotStatus;
import dev.botfleet.server.common.ApiException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * POST /hyperopts/{id}/apply: the best epoch's strategy parameters into one of the caller's bots, through the same
 * validation as PUT /bots/{id}. Only the strategy's own parameters move: a bot has no Freqtrade ROI table, stoploss
 * or trailing settings to receive the other spaces. Only STOPPED PAPER bots: a LIVE bot's config changes need the
 * two-factor code PUT /bots/{id} asks for, so they stay there.
 */
@Component
public class HyperoptApply {
    private final HyperoptService hyperopts;
    private final BotService bots;

    public HyperoptApply(HyperoptService hyperopts, BotService bots) {
        this.hyperopts = hyperopts;
        this.bots = bots;
    }

    public Bot apply(UUID ownerId, UUID runId, Object botIdValue) {
        HyperoptRun run = hyperopts.get(ownerId, runId);
        if (botIdValue == null) throw new ApiException.Invalid("botId", "is required: the bot to receive the parameters", null);
        UUID botId;
        try {
            botId = UUID.fromString(botIdValue.toString());
        } catch (IllegalArgumentException e) {
            throw new ApiException.Invalid("botId", "is not a bot id (UUID)", botIdValue);
        }
        Bot bot;
        try {
            bot = bots.get(ownerId, botId);
        } catch (ApiException.NotFound e) {
            throw new ApiException.Invalid("botId", "you have no bot " + botId, botIdValue);
        }
        if (run.status() != HyperoptRun.Status.DONE && run.status() != HyperoptRun.Status.CANCELLED) {
            throw new ApiException.Conflict("Hyperopt " + runId + " is " + run.status() + "; apply needs a finished run");
        }
        Map<String, Object> best = hyperopts.bestOf(run);
        if (!(best.get("params") instanceof Map<?, ?> params) || params.isEmpty()) {
            throw new ApiException.Conflict("Hyperopt " + runId + " searched no strategy parameters (spaces without"
                    + " params); nothing to apply to a bot");
        }
        if (!bot.strategy().equals(run.strategy())) {
            throw new ApiException.Conflict("Bot '" + bot.name() + "' runs " + bot.strategy() + ", the hyperopt tuned "
                    + run.strategy());
        }
        if (bot.status() != BotStatus.STOPPED) {
            throw new ApiException.Conflict("Bot '" + bot.name() + "' is " + bot.status() + "; stop it first");
        }
        if (bot.mode() != BotMode.PAPER) {
            throw new ApiException.Conflict("Bot '" + bot.name() + "' trades LIVE: change its parameters with"
                    + " PUT /api/v1/bots/" + botId + " and the two-factor code");
        }
        Map<String, Object> config = new LinkedHashMap<>(bot.config());
        params.forEach((k, v) -> config.put(k.toString(), v));
        BotRequest request = new BotRequest(bot.name(), bot.exchange(), bot.symbol(), bot.strategy(), bot.mode().name(),
                config, bot.credentialId() == null ? null : bot.credentialId().toString(),
                bot.margin() == null ? null : bot.margin().leverage(),
                bot.margin() == null ? null : bot.margin().mode().name());
        return bots.update(ownerId, botId, request);
    }
}
