package dev.botfleet.server.risk;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.common.Decimals;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rule of the daily loss limit: in a quote asset, the realized pnl of the owner's LIVE bots' fills executed today
 * (UTC day of the server's clock) must stay above minus the limit. Reaching it (pnl <= -limit) trips the limit until
 * the next UTC day, or until the user raises or removes the limit (it is theirs to set).
 */
@Component
public class DailyLossCheck {
    private final RiskLimitRepository limits;
    private final Clock clock;

    public DailyLossCheck(RiskLimitRepository limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** A tripped limit: today's realized pnl in {@code asset} is at or below minus {@code limit}. */
    public record Breach(String asset, BigDecimal realizedPnl, BigDecimal limit, LocalDate day) {
        /** The words the bots' status reason, their activity line and a refused start all use. */
        public String reason() {
            return "daily loss limit reached: " + Decimals.format(realizedPnl) + " " + asset + " today (limit "
                    + Decimals.format(limit) + " " + asset + ")";
        }

        /** When LIVE bots in the asset may start again (unless the user changes the limit). */
        public Instant resetsAt() {
            return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** One asset's figures for today; {@code limit} null when the user set none for it. */
    public record AssetToday(BigDecimal realizedPnl, BigDecimal limit, boolean tripped) {
    }

    /**
     * Why a LIVE bot may not run now (its asset's limit is reached today), or empty. PAPER bots always may.
     * Asked when a bot starts and when it resumes after a restart (a crash between a fill and the stop it caused).
     */
    public Optional<String> liveRefusal(Bot bot) {
        if (bot.mode() != BotMode.LIVE) return Optional.empty();
        return breach(bot.ownerId(), bot.quoteAsset()).map(b -> b.reason() + "; LIVE bots in " + b.asset()
                + " can start again at " + b.resetsAt() + " unless you raise the limit");
    }

    public LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Empty unless the owner has a limit in {@code asset} and today's LIVE realized pnl in it has reached it. */
    public Optional<Breach> breach(UUID ownerId, String asset) {
        Optional<BigDecimal> limit = limits.limit(ownerId, asset);
        if (limit.isEmpty()) return Optional.empty();  // the usual case: no query over the fills
        LocalDate day = today();
        BigDecimal pnl = realizedPnl(ownerId, day).getOrDefault(asset, BigDecimal.ZERO);
        return tripped(pnl, limit.get()) ? Optional.of(new Breach(asset, pnl, limit.get(), day)) : Optional.empty();
    }

    /** Every asset with a limit or with LIVE fills on {@code day}, in name order. */
    public Map<String, AssetToday> figures(UUID ownerId, LocalDate day) {
        Map<String, BigDecimal> limitsByAsset = limits.limits(ownerId);
        Map<String, BigDecimal> pnlByAsset = realizedPnl(ownerId, day);
        Map<String, AssetToday> figures = new TreeMap<>();
        limitsByAsset.forEach((asset, limit) -> {
            BigDecimal pnl = pnlByAsset.getOrDefault(asset, BigDecimal.ZERO);
            figures.put(asset, new AssetToday(pnl, limit, tripped(pnl, limit)));
        });
        pnlByAsset.forEach((asset, pnl) -> figures.putIfAbsent(asset, new AssetToday(pnl, null, false)));
        return figures;
    }

    private Map<String, BigDecimal> realizedPnl(UUID ownerId, LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return limits.liveRealizedPnl(ownerId, from, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static boolean tripped(BigDecimal realizedPnl, BigDecimal limit) {
        return realizedPnl.compareTo(limit.negate()) <= 0;
    }
}
