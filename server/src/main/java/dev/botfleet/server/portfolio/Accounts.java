package dev.botfleet.server.portfolio;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.bot.BotRepository;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.credential.Credential;
import dev.botfleet.server.credential.CredentialService;
import dev.botfleet.server.exchange.ExchangeCatalog;
import dev.botfleet.server.market.Prices;
import dev.botfleet.server.runtime.PaperBalances;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's accounts valued in a quote currency: every paper bot's simulated account and every live key's account
 * at its venue (asked now), with the open positions of the bots that trade in them.
 */
@Component
class Accounts {
    /** One balance with its rate into the quote. */
    record Asset(String asset, BigDecimal free, BigDecimal locked, Valuer.Rate rate) {
        BigDecimal total() {
            return free.add(locked);
        }

        BigDecimal value() {
            return rate.value(total());
        }
    }

    /**
     * An open position; {@code rate} converts the symbol's quote asset into the portfolio's quote. {@code mark} is
     * null when the market has no last price.
     */
    record Position(Bot bot, String exchange, String symbol, String baseAsset, boolean perpetual, BigDecimal quantity,
                    BigDecimal entry, BigDecimal mark, Valuer.Rate rate) {
        boolean valued() {
            return mark != null && rate.known();
        }

        /** quantity × mark in the quote (signed), null when not valued. */
        BigDecimal value() {
            return valued() ? quantity.multiply(mark).multiply(rate.price()) : null;
        }

        BigDecimal unrealized() {
            if (!valued()) return null;
            if (entry == null) return BigDecimal.ZERO;
            return mark.subtract(entry).multiply(quantity).multiply(rate.price());
        }

        String reason() {
            if (mark == null) return "no last price for " + symbol + " on " + exchange;
            return rate.reason();
        }
    }

    /**
     * @param perpetual a perpetual wallet: its equity is the wallet plus the positions' unrealized PnL (a spot
     *                  account's coins already carry their value)
     */
    record Valued(String exchange, String name, BotMode mode, UUID botId, UUID credentialId, List<Asset> balances,
                  List<Position> positions, boolean perpetual, String error) {
        BigDecimal total() {
            BigDecimal sum = BigDecimal.ZERO;
            for (Asset a : balances) if (a.rate().known()) sum = sum.add(a.value());
            if (perpetual) for (Position p : positions) if (p.valued()) sum = sum.add(p.unrealized());
            return sum;
        }

        /** The assets the total leaves out. */
        List<String> unvalued() {
            List<String> out = new ArrayList<>();
            for (Asset a : balances) if (!a.rate().known() && !out.contains(a.asset())) out.add(a.asset());
            if (perpetual) {
                for (Position p : positions) if (!p.valued() && !out.contains(p.symbol())) out.add(p.symbol());
            }
            return out;
        }
    }

    private final BotRepository bots;
    private final PaperBalances paper;
    private final CredentialService credentials;
    private final PortfolioRepository repository;
    private final ExchangeCatalog exchanges;
    private final MarketDataHub hub;
    private final Valuer valuer;

    Accounts(BotRepository bots, PaperBalances paper, CredentialService credentials, PortfolioRepository repository,
             ExchangeCatalog exchanges, MarketDataHub hub) {
        this.bots = bots;
        this.paper = paper;
        this.credentials = credentials;
        this.repository = repository;
        this.exchanges = exchanges;
        this.hub = hub;
        this.valuer = new Valuer(this::lastPrice);
    }

    Valuer valuer() {
        return valuer;
    }

    List<Bot> bots(UUID ownerId) {
        return bots.page(ownerId, null, new Paging(0, 100_000));
    }

    /** Paper bots in creation order, then live keys. */
    List<Valued> all(UUID ownerId, List<Bot> owned, String quote) {
        Map<UUID, List<PortfolioRepository.PositionRow>> rows = new LinkedHashMap<>();
        for (PortfolioRepository.PositionRow r : repository.positions(ownerId)) {
            rows.computeIfAbsent(r.botId(), k -> new ArrayList<>()).add(r);
        }
        List<Valued> out = new ArrayList<>();
        for (Bot bot : owned.reversed()) {
            if (bot.mode() == BotMode.PAPER) out.add(paper(bot, rows.getOrDefault(bot.id(), List.of()), quote));
        }
        for (Credential key : credentials.list(ownerId)) {
            if (SimMarkets.isSimulated(key.exchange())) continue;  // a sim key has no account of its own
            List<Position> positions = new ArrayList<>();
            for (Bot bot : owned) {
                if (bot.mode() == BotMode.LIVE && key.id().equals(bot.credentialId())) {
                    positions.addAll(positions(bot, rows.getOrDefault(bot.id(), List.of()), quote));
                }
            }
            out.add(live(ownerId, key, positions, quote));
        }
        return out;
    }

    Valued paper(Bot bot, List<PortfolioRepository.PositionRow> rows, String quote) {
        List<Position> positions = positions(bot, rows, quote);
        boolean perpetual = instrument(bot.exchange(), bot.symbol()).map(Instrument::isPerpetual).orElse(false);
        try {
            List<Asset> balances = new ArrayList<>();
            for (Balance b : paper.exact(bot)) {
                balances.add(new Asset(b.asset(), b.available(), b.reserved(), valuer.rate(bot.exchange(), b.asset(), quote)));
            }
            return new Valued(bot.exchange(), bot.name(), BotMode.PAPER, bot.id(), null, balances, positions, perpetual, null);
        } catch (RuntimeException e) {
            return new Valued(bot.exchange(), bot.name(), BotMode.PAPER, bot.id(), null, List.of(), positions, perpetual,
                    e.getMessage());
        }
    }

    private Valued live(UUID ownerId, Credential key, List<Position> positions, String quote) {
        String name = key.label() == null || key.label().isBlank() ? key.exchange() + " key" : key.label();
        try {
            List<Asset> balances = new ArrayList<>();
            for (Balance b : credentials.account(ownerId, key.id()).balances()) {
                if (b.total().signum() == 0) continue;
                balances.add(new Asset(b.asset(), b.available(), b.reserved(), valuer.rate(key.exchange(), b.asset(), quote)));
            }
            // a venue's futures wallet is reported as the venue reports it; its positions are listed, not added
            return new Valued(key.exchange(), name, BotMode.LIVE, null, key.id(), balances, positions, false, null);
        } catch (RuntimeException e) {
            return new Valued(key.exchange(), name, BotMode.LIVE, null, key.id(), List.of(), positions, false,
                    "the venue did not answer: " + e.getMessage());
        }
    }

    /** The bot's open positions (flat rows left out). */
    List<Position> positions(Bot bot, List<PortfolioRepository.PositionRow> rows, String quote) {
        List<Position> out = new ArrayList<>();
        for (PortfolioRepository.PositionRow r : rows) {
            if (r.quantity().signum() == 0) continue;
            Optional<Instrument> instrument = instrument(r.exchange(), r.symbol());
            String base = r.symbol().substring(0, Math.max(0, r.symbol().indexOf('/')));
            out.add(new Position(bot, r.exchange(), r.symbol(), base,
                    instrument.map(Instrument::isPerpetual).orElse(false), r.quantity(), r.entry(),
                    lastPrice(r.exchange(), r.symbol()).orElse(null),
                    valuer.rate(r.exchange(), Bot.quoteAssetOf(r.symbol()), quote)));
        }
        return out;
    }

    Optional<BigDecimal> lastPrice(String exchange, String symbol) {
        Optional<Instrument> instrument = instrument(exchange, symbol);
        return hub.last(exchange, symbol).map(t -> instrument.map(i -> Prices.exact(i, t.price()))
                .orElseGet(() -> BigDecimal.valueOf(t.price())));
    }

    private Optional<Instrument> instrument(String exchange, String symbol) {
        return exchanges.find(exchange).flatMap(e -> e.instrument(symbol));
    }
}
