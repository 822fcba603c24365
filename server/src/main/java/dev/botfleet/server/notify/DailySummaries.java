package dev.botfleet.server.notify;

import dev.botfleet.server.common.Times;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The daily summary: once per local day, at or after the user's hour in the user's time zone, a {@code DAILY_SUMMARY}
 * alert with the bots running and the last 24 hours' fills, closed deals and realized PnL per quote asset. The day
 * is claimed in the database in the alert's transaction ({@link NotificationSettings#claimSummary}), so a restart, a
 * second pass or a second server never sends it twice, and a server that was down at the hour sends it when it is back.
 */
@Component
public class DailySummaries {
    private static final Logger log = LoggerFactory.getLogger(DailySummaries.class);

    /** One quote asset's last 24 hours. */
    record AssetDay(String asset, long fills, long deals, BigDecimal realizedPnl) {
    }

    private final NotificationSettings settings;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration checkInterval;
    private final NotifierThread thread = new NotifierThread("daily-summary");

    public DailySummaries(NotificationSettings settings, JdbcClient jdbc, ApplicationEventPublisher events,
                          PlatformTransactionManager transactions, Clock clock,
                          @Value("${botfleet.notifications.summary-check-interval:1m}") Duration checkInterval) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startSummaries() {
        thread.start(() -> {
            sendDue(clock.instant());
            return checkInterval.toNanos();
        }, e -> log.warn("Daily summaries: {}", e.getMessage()), checkInterval.toNanos());
    }

    @PreDestroy
    public void stopSummaries() {
        thread.stop();
    }

    /** Sends every summary due at {@code now}; answers how many were sent. */
    public int sendDue(Instant now) {
        int sent = 0;
        for (NotificationSettings.SummaryUser user : settings.summaryUsers()) {
            ZonedDateTime local = now.atZone(user.timeZone());
            LocalDate day = local.toLocalDate();
            if (local.getHour() < user.hour() || (user.lastSummaryDay() != null && !user.lastSummaryDay().isBefore(day))) {
                continue;
            }
            Boolean done = transaction.execute(status -> {
                if (!settings.claimSummary(user.userId(), day)) return false;  // another pass or server was first
                events.publishEvent(summary(user, day, now));
                return true;
            });
            if (Boolean.TRUE.equals(done)) sent++;
        }
        return sent;
    }

    BotAlert summary(NotificationSettings.SummaryUser user, LocalDate day, Instant now) {
        UUID u = user.userId();
        int running = jdbc.sql("SELECT COUNT(*) FROM bots WHERE owner_id = :u AND status = 'ACTIVE'").param("u", u)
                .query(Integer.class).single();
        List<AssetDay> assets = lastDay(u, now.minus(Duration.ofHours(24)));
        StringBuilder text = new StringBuilder("Daily summary for " + day + " (" + user.timeZone().getId() + "): "
                + running + " bot(s) running.");
        if (assets.isEmpty()) text.append(" No fills in the last 24 h.");
        List<Map<String, Object>> perAsset = new ArrayList<>();
        for (AssetDay a : assets) {
            String pnl = a.realizedPnl().stripTrailingZeros().toPlainString();
            text.append("\n").append(a.asset()).append(": ").append(a.fills()).append(" fill(s), ").append(a.deals())
                    .append(" deal(s) closed, realized PnL ").append(a.realizedPnl().signum() > 0 ? "+" : "").append(pnl)
                    .append(" ").append(a.asset());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("quoteAsset", a.asset());
            row.put("fills", a.fills());
            row.put("dealsClosed", a.deals());
            row.put("realizedPnl", pnl);
            perAsset.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("day", day.toString());
        data.put("timeZone", user.timeZone().getId());
        data.put("botsRunning", running);
        data.put("since", now.minus(Duration.ofHours(24)).toString());
        data.put("assets", perAsset);
        return new BotAlert(u, null, BotAlert.Kind.DAILY_SUMMARY, text.toString(), data);
    }

    /** The user's deals closed since :since, per symbol (index deals_owner_closed_ix). */
    public static final String DEALS_CLOSED_SINCE =
            "SELECT symbol, COUNT(*) FROM deals WHERE owner_id = :u AND closed_at > :since GROUP BY symbol";

    /** Fills, realized PnL (from the fills) and closed deals since {@code since}, per quote asset, by asset name. */
    private List<AssetDay> lastDay(UUID user, Instant since) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> pnl = new TreeMap<>();
        jdbc.sql("""
                        SELECT symbol, COUNT(*), SUM(realized_pnl) FROM trades WHERE owner_id = :u AND executed_at > :since
                        GROUP BY symbol""")
                .param("u", user).param("since", Times.sql(since)).query((rs, n) -> {
                    String asset = DealText.quoteOf(rs.getString(1));
                    counts.computeIfAbsent(asset, k -> new long[2])[0] += rs.getLong(2);
                    pnl.merge(asset, rs.getBigDecimal(3) == null ? BigDecimal.ZERO : rs.getBigDecimal(3), BigDecimal::add);
                    return null;
                }).list();
        jdbc.sql(DEALS_CLOSED_SINCE)
                .param("u", user).param("since", Times.sql(since)).query((rs, n) -> {
                    counts.computeIfAbsent(DealText.quoteOf(rs.getString(1)), k -> new long[2])[1] += rs.getLong(2);
                    return null;
                }).list();
        List<AssetDay> out = new ArrayList<>();
        counts.forEach((asset, c) -> out.add(new AssetDay(asset, c[0], c[1], pnl.getOrDefault(asset, BigDecimal.ZERO))));
        return out;
    }
}
