package dev.botfleet.server.portfolio;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.portfolio.PortfolioResponse.Account;
import dev.botfleet.server.portfolio.PortfolioResponse.BalanceLine;
import dev.botfleet.server.portfolio.PortfolioResponse.Exposure;
import dev.botfleet.server.portfolio.PortfolioResponse.Period;
import dev.botfleet.server.portfolio.PortfolioResponse.Point;
import dev.botfleet.server.portfolio.PortfolioResponse.PositionLine;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Puts the portfolio together: valued accounts, exposure, PnL per period and the equity curves. */
@Service
class PortfolioService {
    /** Money in the quote is shown with this many decimals (half-even); sums are taken before rounding. */
    static final int MONEY_SCALE = 8;

    /** What was asked: quote currency, PnL time zone and the window of PnL and equity. */
    record Query(String quote, ZoneId zone, Instant from, Instant to) {
    }

    private final Accounts accounts;
    private final PortfolioRepository repository;
    private final Clock clock;

    PortfolioService(Accounts accounts, PortfolioRepository repository, Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.clock = clock;
    }

    PortfolioResponse portfolio(UUID ownerId, Query q) {
        List<Bot> bots = accounts.bots(ownerId);
        Map<UUID, Bot> byId = new HashMap<>();
        for (Bot b : bots) byId.put(b.id(), b);
        List<Accounts.Valued> valued = accounts.all(ownerId, bots, q.quote());
        BigDecimal total = BigDecimal.ZERO;
        List<String> unvalued = new ArrayList<>();
        List<Account> lines = new ArrayList<>();
        for (Accounts.Valued a : valued) {
            total = total.add(a.total());
            a.unvalued().forEach(u -> addOnce(unvalued, u));
            lines.add(account(a));
        }
        return new PortfolioResponse(q.quote(), clock.instant(), q.zone().getId(), q.from(), q.to(), lines,
                money(total), unvalued, exposure(valued), pnl(ownerId, byId, q), equity(ownerId, byId, q));
    }

    private static Account account(Accounts.Valued a) {
        List<BalanceLine> balances = a.balances().stream().map(b -> new BalanceLine(b.asset(), Decimals.format(b.free()),
                Decimals.format(b.locked()), Decimals.format(b.rate().price()), money(b.value()), b.rate().reason())).toList();
        List<PositionLine> positions = a.positions().stream().map(p -> new PositionLine(p.bot().id(), p.bot().name(),
                p.exchange(), p.symbol(), p.quantity().signum() > 0 ? "LONG" : "SHORT", Decimals.format(p.quantity()),
                Decimals.format(p.entry()), Decimals.format(p.mark()), money(p.unrealized()), money(p.value()),
                p.valued() ? null : p.reason())).toList();
        return new Account(a.exchange(), a.name(), a.mode().name(), a.botId(), a.credentialId(), balances, positions,
                money(a.total()), a.unvalued(), a.error());
    }

    /**
     * Per asset: the valued balances of every account, plus each perpetual position's notional (quantity × mark,
     * signed) under its base asset; a spot position is not added again (its coins are in the balances).
     */
    static List<Exposure> exposure(List<Accounts.Valued> valued) {
        Map<String, BigDecimal> values = new TreeMap<>();
        Map<String, String> reasons = new TreeMap<>();
        for (Accounts.Valued a : valued) {
            for (Accounts.Asset b : a.balances()) {
                if (b.rate().known()) values.merge(b.asset(), b.value(), BigDecimal::add);
                else reasons.putIfAbsent(b.asset(), b.rate().reason());
            }
            for (Accounts.Position p : a.positions()) {
                if (!p.perpetual()) continue;
                if (p.valued()) values.merge(p.baseAsset(), p.value(), BigDecimal::add);
                else reasons.putIfAbsent(p.baseAsset(), p.reason());
            }
        }
        BigDecimal gross = values.values().stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Exposure> out = new ArrayList<>();
        values.forEach((asset, value) -> out.add(new Exposure(asset, money(value), gross.signum() == 0 ? null
                : Decimals.format(value.abs().divide(gross, 4, RoundingMode.HALF_EVEN)), null)));
        reasons.forEach((asset, reason) -> {
            if (!values.containsKey(asset)) out.add(new Exposure(asset, null, null, reason));
        });
        return out;
    }

    /** Realized PnL of fills and funding in the window, each bot's converted from its quote asset at today's rate. */
    private PortfolioResponse.Pnl pnl(UUID ownerId, Map<UUID, Bot> bots, Query q) {
        PnlBuckets buckets = new PnlBuckets(q.zone());
        Map<UUID, Valuer.Rate> rates = new HashMap<>();
        List<String> unvalued = new ArrayList<>();
        for (PortfolioRepository.PnlRow row : repository.realized(ownerId, q.from(), q.to())) {
            Bot bot = bots.get(row.botId());
            if (bot == null) continue;
            Valuer.Rate rate = rates.computeIfAbsent(bot.id(),
                    id -> accounts.valuer().rate(bot.exchange(), bot.quoteAsset(), q.quote()));
            if (rate.known()) buckets.add(row.time(), rate.value(row.amount()));
            else addOnce(unvalued, bot.quoteAsset());
        }
        return new PortfolioResponse.Pnl(periods(buckets.daily()), periods(buckets.weekly()), periods(buckets.monthly()),
                unvalued);
    }

    /** Stored snapshots in the window, converted from each bot's quote asset at today's rate, downsampled. */
    private PortfolioResponse.Equity equity(UUID ownerId, Map<UUID, Bot> bots, Query q) {
        Map<String, Valuer.Rate> rates = new HashMap<>();
        List<String> unvalued = new ArrayList<>();
        List<EquityCurve.Sample> samples = new ArrayList<>();
        for (PortfolioRepository.Snapshot s : repository.snapshots(ownerId, q.from(), q.to())) {
            Bot bot = bots.get(s.botId());
            if (bot == null) continue;
            Valuer.Rate rate = rates.computeIfAbsent(bot.exchange() + "|" + s.asset(),
                    k -> accounts.valuer().rate(bot.exchange(), s.asset(), q.quote()));
            if (rate.known()) samples.add(new EquityCurve.Sample(s.botId(), s.time(), rate.value(s.equity())));
            else addOnce(unvalued, s.asset());
        }
        // the buckets span the data, not the whole window: a bot started an hour ago gets an hour's detail
        Instant start = samples.isEmpty() ? q.from() : samples.getFirst().time();
        Map<UUID, List<Point>> perBot = new LinkedHashMap<>();
        EquityCurve.perBot(samples, start, q.to()).forEach((bot, points) -> perBot.put(bot, points(points)));
        return new PortfolioResponse.Equity(points(EquityCurve.total(samples, start, q.to())), perBot, unvalued);
    }

    private static List<Point> points(List<EquityCurve.Point> points) {
        return points.stream().map(p -> new Point(p.time(), money(p.value()))).toList();
    }

    private static List<Period> periods(Map<LocalDate, BigDecimal> sums) {
        List<Period> out = new ArrayList<>();
        sums.forEach((date, sum) -> out.add(new Period(date, money(sum))));
        return out;
    }

    static String money(BigDecimal value) {
        return value == null ? null : Decimals.format(value.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN));
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) list.add(value);
    }
}
