package dev.botfleet.server.risk;

import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.common.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A user's risk settings: reading them with today's figures, and replacing them (with an activity-log line). */
@Service
public class RiskService {
    private final RiskLimitRepository limits;
    private final DailyLossCheck check;
    private final ActivityLogService activity;
    private final LossLimitEnforcer enforcer;
    private final Clock clock;

    public RiskService(RiskLimitRepository limits, DailyLossCheck check, ActivityLogService activity,
                       LossLimitEnforcer enforcer, Clock clock) {
        this.limits = limits;
        this.enforcer = enforcer;
        this.check = check;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RiskResponse get(UUID ownerId) {
        LocalDate day = check.today();
        Map<String, String> byAsset = new LinkedHashMap<>();
        limits.limits(ownerId).forEach((asset, limit) -> byAsset.put(asset, Decimals.format(limit)));
        Map<String, RiskResponse.AssetToday> today = new LinkedHashMap<>();
        check.figures(ownerId, day).forEach((asset, f) -> today.put(asset, new RiskResponse.AssetToday(
                Decimals.format(f.realizedPnl()), Decimals.format(f.limit()), f.tripped())));
        return new RiskResponse(byAsset, today, day.toString());
    }

    /**
     * Replaces every limit. Takes effect at once: a limit today's loss has already reached stops the LIVE bots in that
     * asset now (waiting for their next fill could be never; each bot's stop commits on its own, see
     * BotService.stopInError) and, from this transaction's commit, refuses their starts; a higher one lets them start
     * again.
     */
    @Transactional
    public RiskResponse replace(UUID ownerId, RiskRequest request) {
        Map<String, BigDecimal> validated = request.validated();
        limits.replace(ownerId, validated, Times.now(clock));
        activity.record(ownerId, null, LogLevel.INFO, validated.isEmpty() ? "Daily loss limits cleared"
                : "Daily loss limits set: " + validated.entrySet().stream()
                        .map(e -> Decimals.format(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(", ")));
        validated.keySet().forEach(asset -> enforcer.enforce(ownerId, asset));
        return get(ownerId);
    }
}
