package dev.botfleet.server.order;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.order.OrderViews.OrderView;
import dev.botfleet.server.order.OrderViews.PositionView;
import dev.botfleet.server.order.OrderViews.TradeView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
public class OrderController {
    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping("/orders")
    public PageResponse<OrderView> all(CurrentUser user, @RequestParam(required = false) String status,
                                       @RequestParam(required = false) UUID botId,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return orders.orders(user.id(), botId, status, Paging.of(page, size), false);
    }

    @GetMapping("/bots/{id}/orders")
    public PageResponse<OrderView> ofBot(CurrentUser user, @PathVariable UUID id,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return orders.orders(user.id(), id, status, Paging.of(page, size), true);
    }

    @GetMapping("/bots/{id}/trades")
    public PageResponse<TradeView> trades(CurrentUser user, @PathVariable UUID id,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return orders.trades(user.id(), id, Paging.of(page, size));
    }

    @GetMapping("/bots/{id}/positions")
    public List<PositionView> positions(CurrentUser user, @PathVariable UUID id) {
        return orders.positions(user.id(), id);
    }
}
