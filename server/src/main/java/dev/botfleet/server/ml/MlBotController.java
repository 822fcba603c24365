package dev.botfleet.server.ml;

import dev.botfleet.ml.strategy.MlSignalDefinition;
import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotRepository;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.common.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An ml-signal bot's decisions and statistics (docs/api/ml.md "ML bots"). Another user's bot, and a bot of another
 * strategy, is a 404.
 */
@RestController
public class MlBotController {
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 2000;

    public record ModelRef(UUID id, String name, int version) {
    }

    public record Point(Instant time, double confidence, double threshold, boolean acted, String clientOrderId) {
    }

    public record Confidences(double threshold, ModelRef model, List<Point> points) {
    }

    public record DayStats(String day, long trades, long wins, String pnl, Double averageConfidence) {
    }

    public record MlStats(long trades, long wins, String winRate, String pnl, Double averageConfidence,
                          List<DayStats> byDay) {
    }

    private final BotRepository bots;
    private final MlDecisionRepository decisions;
    private final ModelRepository models;

    MlBotController(BotRepository bots, MlDecisionRepository decisions, ModelRepository models) {
        this.bots = bots;
        this.decisions = decisions;
        this.models = models;
    }

    @GetMapping("/api/v1/bots/{id}/confidences")
    public Confidences confidences(CurrentUser user, @PathVariable UUID id,
                                   @RequestParam(required = false) String limit) {
        int count = limit(limit);
        Bot bot = mlBot(user, id);
        Object threshold = bot.config().get(MlSignalDefinition.CONFIDENCE_THRESHOLD);
        ModelRef model = modelId(bot) == null ? null : models.find(user.id(), modelId(bot))
                .map(m -> new ModelRef(m.id(), m.name(), m.version())).orElse(null);
        List<Point> points = decisions.recent(user.id(), bot.id(), count).stream()
                .map(p -> new Point(p.time(), p.confidence(), p.threshold(), p.acted(), p.clientOrderId())).toList();
        return new Confidences(new BigDecimal(String.valueOf(threshold)).doubleValue(), model, points);
    }

    @GetMapping("/api/v1/bots/{id}/ml-stats")
    public MlStats stats(CurrentUser user, @PathVariable UUID id) {
        Bot bot = mlBot(user, id);
        List<MlDecisionRepository.Day> days = decisions.byDay(user.id(), bot.id());
        long trades = 0;
        long wins = 0;
        BigDecimal pnl = BigDecimal.ZERO;
        for (MlDecisionRepository.Day d : days) {
            trades += d.trades();
            wins += d.wins();
            pnl = pnl.add(d.pnl());
        }
        String winRate = trades == 0 ? null : BigDecimal.valueOf(wins)
                .divide(BigDecimal.valueOf(trades), 4, RoundingMode.HALF_EVEN).toPlainString();
        List<DayStats> byDay = days.stream().map(d -> new DayStats(d.day().toString(), d.trades(), d.wins(),
                Decimals.format(d.pnl()), d.averageConfidence())).toList();
        return new MlStats(trades, wins, winRate, Decimals.format(pnl), decisions.averageActedConfidence(user.id(),
                bot.id()), byDay);
    }

    private Bot mlBot(CurrentUser user, UUID id) {
        Bot bot = bots.find(user.id(), id).orElseThrow(() -> new ApiException.NotFound("No bot " + id));
        if (!MlSignalDefinition.ID.equals(bot.strategy())) {
            throw new ApiException.NotFound("Bot " + id + " is not an ml-signal bot");
        }
        return bot;
    }

    private static UUID modelId(Bot bot) {
        try {
            return UUID.fromString(String.valueOf(bot.config().get(MlSignalDefinition.MODEL)).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int limit(String limit) {
        if (limit == null) return DEFAULT_LIMIT;
        Violations v = new Violations();
        int count = 0;
        try {
            count = Integer.parseInt(limit.strip());
            if (count < 1 || count > MAX_LIMIT) v.add("limit", "must be between 1 and " + MAX_LIMIT, limit);
        } catch (NumberFormatException e) {
            v.add("limit", "must be a whole number between 1 and " + MAX_LIMIT, limit);
        }
        v.throwIfAny();
        return count;
    }
}
