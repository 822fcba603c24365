package dev.botfleet.server.order;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.ShowsOneBot;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.exchange.ExchangeCatalog;
import dev.botfleet.server.market.Prices;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A bot's orders, trades (fills), positions and stats; orders across bots; manual cancel. Another user's bot is a 404. */
@RestController
@RequestMapping("/api/v1")
public class OrderController {
    private final OrderQueries queries;
    private final BotService bots;
    private final OrderCanceler canceler;
    private final MarketDataHub hub;
    private final ExchangeCatalog exchanges;

    public OrderController(OrderQueries queries, BotService bots, OrderCanceler canceler, MarketDataHub hub,
                           ExchangeCatalog exchanges) {
        this.queries = queries;
        this.bots = bots;
        this.canceler = canceler;
        this.hub = hub;
        this.exchanges = exchanges;
    }

    @GetMapping("/bots/{id}/orders")
    @ShowsOneBot
    public List<OrderResponse> botOrders(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String status) {
        String filter = openOrClosed(status);
        Bot bot = bot(user, id);
        return queries.botOrders(user.id(), bot.id(), filter);
    }

    @GetMapping("/orders")
    public PageResponse<OrderResponse> orders(CurrentUser user, @RequestParam(required = false) String status,
                                              @RequestParam(required = false) String botId,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        Violations v = new Violations();
        String filter = null;
        if (status != null) {
            if (status.equals("open") || status.equals("closed")) filter = status;
            else v.add("status", "must be one of: open, closed", status);
        }
        UUID bot = null;
        if (botId != null) {
            try {
                bot = UUID.fromString(botId);
            } catch (IllegalArgumentException e) {
                v.add("botId", "must be a UUID", botId);
            }
        }
        v.throwIfAny();
        Paging paging = Paging.of(page, size);
        return new PageResponse<>(queries.orders(user.id(), bot, filter, paging), paging.page(), paging.size(),
                queries.countOrders(user.id(), bot, filter));
    }

    /** Newest first, 500 a page ({@code page} 0-based, default 0): a long-running bot has more than one page. */
    @GetMapping("/bots/{id}/trades")
    @ShowsOneBot
    public List<TradeResponse> trades(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Integer page) {
        int p = page == null ? 0 : page;
        if (p < 0 || p > 1_000_000) {
            Violations v = new Violations();
            v.add("page", "must be between 0 and 1000000", page);
            v.throwIfAny();
        }
        return queries.trades(user.id(), bot(user, id).id(), p);
    }

    @GetMapping("/bots/{id}/positions")
    @ShowsOneBot
    public List<PositionResponse> positions(CurrentUser user, @PathVariable UUID id) {
        Bot bot = bot(user, id);
        return queries.positions(user.id(), bot.id()).stream().map(p -> {
            Optional<BigDecimal> last = lastPrice(p.exchange(), p.symbol());
            return new PositionResponse(p.botId(), p.exchange(), p.symbol(), Decimals.format(p.quantity()),
                    Decimals.format(p.averageEntryPrice()), Decimals.format(p.realizedPnl()),
                    last.map(price -> Decimals.format(unrealized(p, price))).orElse(null),
                    last.map(Decimals::format).orElse(null), p.updatedAt(), PositionResponse.sideOf(p.quantity()),
                    Decimals.format(p.leverage()), p.quantity().signum() == 0 ? null : Decimals.format(p.liquidationPrice()),
                    Decimals.format(p.funding() == null ? java.math.BigDecimal.ZERO : p.funding()));
        }).toList();
    }

    @GetMapping("/bots/{id}/stats")
    @ShowsOneBot
    public StatsResponse stats(CurrentUser user, @PathVariable UUID id) {
        Bot bot = bot(user, id);
        List<OrderQueries.PositionRow> positions = queries.positions(user.id(), bot.id());
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (OrderQueries.PositionRow p : positions) {
            realized = realized.add(p.realizedPnl());
            fees = fees.add(p.fees());
            BigDecimal price = lastPrice(p.exchange(), p.symbol()).orElse(null);
            if (price != null) unrealized = unrealized.add(unrealized(p, price));
        }
        OrderQueries.DealCounts deals = queries.dealCounts(user.id(), bot.id());
        String winRate = bot.totalTrades() == 0 ? null
                : BigDecimal.valueOf(deals.wins()).divide(BigDecimal.valueOf(bot.totalTrades()), 4, RoundingMode.HALF_EVEN).toPlainString();
        long open = queries.countOrders(user.id(), bot.id(), "open");
        return new StatsResponse(Decimals.format(bot.pnl()), Decimals.format(realized), Decimals.format(unrealized),
                bot.totalTrades(), deals.wins(), deals.losses(), winRate, Decimals.format(fees),
                queries.fillCount(user.id(), bot.id()), open, bot.lastFillTime());
    }

    /** 404 for another user's bot or order; 409 when the order is already closed or the bot is not running. */
    @PostMapping("/bots/{id}/orders/{orderId}/cancel")
    public OrderResponse cancel(CurrentUser user, @PathVariable UUID id, @PathVariable UUID orderId) {
        Bot bot = bot(user, id);
        OrderResponse order = queries.order(user.id(), bot.id(), orderId)
                .orElseThrow(() -> new ApiException.NotFound("No order " + orderId + " on bot " + id));
        if (!OrderRepository.OPEN.contains(order.status())) {
            throw new ApiException.Conflict("Order " + order.clientOrderId() + " is already " + order.status());
        }
        if (!canceler.cancel(bot.id(), order.clientOrderId())) {
            // it closed between our read and the bot's turn
            OrderResponse now = queries.order(user.id(), bot.id(), orderId).orElse(order);
            throw new ApiException.Conflict("Order " + order.clientOrderId() + " is already " + now.status());
        }
        return queries.order(user.id(), bot.id(), orderId).orElse(order);
    }

    /** The caller's bot as stored (from the bot directory on one node), 404 for another's. */
    private Bot bot(CurrentUser user, UUID id) {
        return bots.get(user.id(), id);
    }

    private static String openOrClosed(String status) {
        if (status == null || status.equals("open") || status.equals("closed")) return status;
        throw new ApiException.Invalid("status", "must be one of: open, closed", status);
    }

    private Optional<BigDecimal> lastPrice(String exchange, String symbol) {
        Optional<Instrument> instrument = exchanges.find(exchange).flatMap(e -> e.instrument(symbol));
        if (instrument.isEmpty()) return Optional.empty();
        return hub.last(exchange, symbol).map(t -> Prices.exact(instrument.get(), t.price()));
    }

    private static BigDecimal unrealized(OrderQueries.PositionRow p, BigDecimal price) {
        if (p.quantity().signum() == 0 || p.averageEntryPrice() == null) return BigDecimal.ZERO;
        return price.subtract(p.averageEntryPrice()).multiply(p.quantity());
    }
}
