package dev.botfleet.server.runtime;

import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.server.order.FundingRepository;
import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.exchange.ExchangeCatalog;
import dev.botfleet.server.order.OrderRepository;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A paper bot's simulated account. While the bot runs: its session's paper exchange, read on the bot's turn. Otherwise
 * the account a restart would rebuild: the initial paper balances settled with every journaled fill, with what its
 * journaled open orders would reserve.
 */
@Component
public class PaperBalances {
    private final TradingRuntime runtime;
    private final SessionFactory sessions;
    private final ExchangeCatalog exchanges;
    private final OrderRepository orders;
    private final SimOrderRecord simOrders;
    private final FundingRepository funding;
    private final org.springframework.beans.factory.ObjectProvider<PaperVenue> paperVenues;

    PaperBalances(TradingRuntime runtime, SessionFactory sessions, ExchangeCatalog exchanges, OrderRepository orders,
                  SimOrderRecord simOrders, FundingRepository funding,
                  org.springframework.beans.factory.ObjectProvider<PaperVenue> paperVenues) {
        this.funding = funding;
        this.paperVenues = paperVenues;
        this.runtime = runtime;
        this.sessions = sessions;
        this.exchanges = exchanges;
        this.orders = orders;
        this.simOrders = simOrders;
    }

    /** The bot's quote and base balances, quote first. 409 for a LIVE bot or a market this server no longer has. */
    public List<BalanceResponse> of(Bot bot) {
        Instrument instrument = instrument(bot);
        List<BalanceResponse> answer = new ArrayList<>();
        for (Balance b : exact(bot)) {
            int scale = b.asset().equals(instrument.quoteAsset()) ? quoteScale(instrument) : instrument.quantityScale();
            answer.add(new BalanceResponse(b.asset(), round(b.total(), scale), round(b.available(), scale)));
        }
        return answer;
    }

    /** The same account unrounded (the portfolio values it), quote or settle asset first. */
    public List<Balance> exact(Bot bot) {
        Instrument instrument = instrument(bot);
        // a perpetual's paper wallet holds only its settle asset: margin, not coins
        List<String> assets = instrument.isPerpetual() ? List.of(instrument.marginAsset())
                : List.of(instrument.quoteAsset(), instrument.baseAsset());
        Optional<List<Balance>> live = runtime.inspect(bot.id(),
                kernel -> assets.stream().map(a -> kernel.balance(a).orElse(new Balance(a, BigDecimal.ZERO, BigDecimal.ZERO))).toList());
        return live.orElseGet(() -> rebuilt(bot, instrument, assets));
    }

    private Instrument instrument(Bot bot) {
        if (bot.mode() != BotMode.PAPER) {
            throw new ApiException.Conflict("balances of live bots come from the exchange (not built yet)");
        }
        return exchanges.find(bot.exchange()).flatMap(e -> e.instrument(bot.symbol()))
                .orElseThrow(() -> new ApiException.Conflict("Bot '" + bot.name() + "' trades " + bot.symbol()
                        + " on '" + bot.exchange() + "', which this server does not list"));
    }

    private List<Balance> rebuilt(Bot bot, Instrument instrument, List<String> assets) {
        PaperVenue venue = paperVenues.orderedStream().filter(v -> v.handles(bot.exchange())).findFirst().orElse(null);
        if (venue != null) return venue.balances(bot, assets, orders.fills(bot.id()));
        Map<String, BigDecimal> initial = sessions.initialBalances(instrument);
        MarginSettings margin = !instrument.isPerpetual() ? null
                : bot.margin() != null ? bot.margin() : MarginSettings.DEFAULT;
        dev.botfleet.server.order.BotHistory journaled = orders.history(bot.id(), bot.symbol());
        PaperExchange exchange = PaperExchange.rebuild(instrument, initial, journaled, funding.of(bot.id()), margin,
                orders.openOrders(bot.id(), journaled.flat(), orders.clientOrderIds(bot.id())), simOrders, bot.id());
        return assets.stream().map(a -> exchange.balance(a).orElse(new Balance(a, BigDecimal.ZERO, BigDecimal.ZERO)))
                .toList();
    }

    /** Quote money: the tick's decimals, at least 2 and at most 8 (as backtests show money). */
    static int quoteScale(Instrument instrument) {
        return Math.min(8, Math.max(2, instrument.priceScale()));
    }

    private static String round(BigDecimal amount, int scale) {
        return Decimals.format(amount.setScale(scale, RoundingMode.DOWN));
    }
}
