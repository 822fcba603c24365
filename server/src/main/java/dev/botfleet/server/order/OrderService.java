package dev.botfleet.server.order;

import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.order.OrderViews.OrderView;
import dev.botfleet.server.order.OrderViews.PositionView;
import dev.botfleet.server.order.OrderViews.TradeView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** Read side of orders, fills and positions. A bot that is not the caller's is a 404 (through {@link BotService#get}). */
@Service
public class OrderService {
    private final OrderRepository orders;
    private final BotService bots;

    public OrderService(OrderRepository orders, BotService bots) {
        this.orders = orders;
        this.bots = bots;
    }

    @Transactional(readOnly = true)
    public PageResponse<OrderView> orders(UUID ownerId, UUID botId, String status, Paging paging, boolean botMustExist) {
        String state = state(status);
        if (botMustExist) bots.get(ownerId, botId);
        return new PageResponse<>(orders.orders(ownerId, botId, state, paging), paging.page(), paging.size(),
                orders.countOrders(ownerId, botId, state));
    }

    @Transactional(readOnly = true)
    public PageResponse<TradeView> trades(UUID ownerId, UUID botId, Paging paging) {
        bots.get(ownerId, botId);
        return new PageResponse<>(orders.trades(ownerId, botId, paging), paging.page(), paging.size(),
                orders.countTrades(ownerId, botId));
    }

    @Transactional(readOnly = true)
    public List<PositionView> positions(UUID ownerId, UUID botId) {
        bots.get(ownerId, botId);
        return orders.positions(ownerId, botId);
    }

    private static String state(String status) {
        if (status == null || status.isBlank()) return null;
        if (status.equals("open") || status.equals("closed")) return status;
        new Violations().add("status", "must be open or closed", status).throwIfAny();
        return null;
    }
}
