package dev.botfleet.server.portfolio;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GET /api/v1/portfolio: the caller's paper and live accounts valued in {@code quote}, exposure per asset, realized
 * PnL per day/week/month and the equity curves (docs/portfolio.md).
 */
@RestController
public class PortfolioController {
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z").plusSeconds(1);
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,12}");
    static final Map<String, Duration> RANGES = Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30), "90d", Duration.ofDays(90), "1y", Duration.ofDays(365));

    private final PortfolioService portfolio;
    private final Clock clock;

    PortfolioController(PortfolioService portfolio, Clock clock) {
        this.portfolio = portfolio;
        this.clock = clock;
    }

    /**
     * @param quote an asset symbol, 2-12 letters or digits (case-insensitive); default USDT
     * @param range 24h, 7d, 30d (default), 90d or 1y back from now; ignored where {@code from} is given
     * @param from  ISO-8601 instant; with {@code to} (default now) the window of PnL and equity
     * @param tz    IANA time zone the PnL periods are cut in; default UTC
     */
    @GetMapping("/api/v1/portfolio")
    public PortfolioResponse get(CurrentUser user, @RequestParam(required = false) String quote,
                                 @RequestParam(required = false) String range,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String tz) {
        Violations v = new Violations();
        String asset = quote == null ? "USDT" : quote.strip().toUpperCase(Locale.ROOT);
        if (!ASSET.matcher(asset).matches()) v.add("quote", "must be an asset symbol of 2-12 letters or digits, e.g. USDT", quote);
        ZoneId zone = ZoneId.of("UTC");
        if (tz != null) {
            try {
                zone = ZoneId.of(tz.strip());
            } catch (DateTimeException e) {
                v.add("tz", "must be a time zone id such as UTC or Europe/Berlin", tz);
            }
        }
        Instant end = instant(v, "to", to, clock.instant());
        Instant start = instant(v, "from", from, null);
        if (start == null && from == null) {
            Duration span = range == null ? RANGES.get("30d") : RANGES.get(range);
            if (span == null) v.add("range", "must be one of 24h, 7d, 30d, 90d, 1y", range);
            else if (end != null) start = end.minus(span);
        }
        if (start != null && end != null && !start.isBefore(end)) v.add("from", "must be before to", from);
        v.throwIfAny();
        return portfolio.portfolio(user.id(), new PortfolioService.Query(asset, zone, start, end));
    }

    private static Instant instant(Violations v, String field, String value, Instant otherwise) {
        if (value == null) return otherwise;
        try {
            Instant instant = Instant.parse(value.strip());
            if (instant.isBefore(Instant.EPOCH) || !instant.isBefore(LATEST)) {
                v.add(field, "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z", value);
                return null;
            }
            return instant;
        } catch (DateTimeException e) {
            v.add(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z", value);
            return null;
        }
    }
}
