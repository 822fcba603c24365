package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.strategy.ActivityLevel;

import java.util.Locale;
import java.util.Optional;

/** The activity log's sentences. Plain words, the instrument's decimals. */
final class Messages {
    record Line(ActivityLevel level, String message) {
    }

    private Messages() {
    }

    static String placed(OrderSnapshot o, Instrument in) {
        String what = (o.side() == OrderSide.BUY ? "buy " : "sell ") + Formats.quantity(o.quantity(), in) + " "
                + in.baseAsset();
        return switch (o.type()) {
            case MARKET -> "Placed market order to " + what + " on " + in.exchange();
            case LIMIT -> "Placed limit order to " + what + " at " + Formats.price(o.price(), in) + " on "
                    + in.exchange();
            case STOP_MARKET -> "Placed stop order to " + what + " when the price reaches "
                    + Formats.price(o.triggerPrice(), in) + " on " + in.exchange();
        };
    }

    static String filled(OrderSnapshot o, Fill f, Instrument in) {
        String verb = f.side() == OrderSide.BUY ? "Bought " : "Sold ";
        String partial = o.filledQuantity().compareTo(o.quantity()) < 0
                ? " (" + Formats.quantity(o.filledQuantity(), in) + " of " + Formats.quantity(o.quantity(), in)
                + " filled)" : "";
        return verb + Formats.quantity(f.quantity(), in) + " " + in.baseAsset() + " at " + Formats.price(f.price(), in)
                + " on " + in.exchange() + partial;
    }

    static String dealClosed(Deal d, Instrument in) {
        return "Round trip closed (" + d.closeReason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                + Formats.pnl(d.pnl(), in);
    }

    static Optional<Line> forEvent(OrderSnapshot o, OrderEvent event, Instrument in) {
        if (event instanceof OrderEvent.OrderAccepted || event instanceof OrderEvent.OrderPendingCancel) {
            return Optional.empty();  // routine acknowledgements: the order's own line already told the story
        }
        String order = (o.side() == OrderSide.BUY ? "buy " : "sell ") + Formats.quantity(o.quantity(), in) + " "
                + in.baseAsset() + (o.price() == null ? "" : " at " + Formats.price(o.price(), in));
        return switch (event) {
            case OrderEvent.OrderCanceled c -> Optional.of(new Line(ActivityLevel.INFO, "Canceled " + order));
            case OrderEvent.OrderRejected r -> Optional.of(new Line(ActivityLevel.ERROR,
                    in.exchange() + " rejected the order to " + order + ": " + r.reason()));
            case OrderEvent.OrderExpired e -> Optional.of(new Line(ActivityLevel.INFO, "Expired " + order));
            case OrderEvent.OrderCancelRejected c -> Optional.of(new Line(ActivityLevel.WARNING,
                    in.exchange() + " refused to cancel the order to " + order + ": " + c.reason()));
            default -> Optional.empty();
        };
    }
}
