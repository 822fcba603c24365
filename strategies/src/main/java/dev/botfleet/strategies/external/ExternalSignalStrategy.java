package dev.botfleet.strategies.external;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.engine.strategy.Reconfigurable;
import dev.botfleet.engine.strategy.SignalReceiver;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.exit.ExitManager;
import dev.botfleet.strategies.exit.ExitParameters;
import dev.botfleet.strategies.support.CommonParameters;
import dev.botfleet.strategies.support.Sizing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code signal} strategy: it trades only when a signal arrives (see {@link ExternalSignalDefinition}).
 * <ul>
 *   <li>buy: opens or adds to a long ({@code size} or {@code orderAmount}), a limit order at {@code price} (rounded
 *       down to the tick) or a market order; refused while the bot holds a short.</li>
 *   <li>sell: the same for a short, on a perpetual only; refused on spot and while the bot holds a long.</li>
 *   <li>close: cancels working entries and exits the position at market (close reason SIGNAL).</li>
 * </ul>
 * A long runs under the shared {@link ExitManager} exactly like the signal strategies' deals. The exit manager is
 * long-only, so a short is exited by a close signal (or by hand); its take profit and stop loss do not apply.
 * Every refusal is an activity-log warning naming the signal and the reason.
 */
public final class ExternalSignalStrategy implements Strategy, SignalReceiver, Reconfigurable {
    private final Instrument instrument;
    private final ExitManager exits;
    private BigDecimal orderAmount;
    private boolean sizeInQuote;
    /** Entry orders placed by signals and still working: a close cancels them. */
    private final Set<String> entries = new LinkedHashSet<>();
    /** The market buy covering a short, while it works. */
    private String shortCover;
    /** A market entry that came before the bot saw any price (just started): placed on the first one. */
    private ExternalSignal waitingForPrice;

    public ExternalSignalStrategy(StrategyConfig config, Instrument instrument) {
        this.instrument = instrument;
        this.exits = new ExitManager(ExitParameters.from(config), instrument);
        this.orderAmount = config.decimal(CommonParameters.ORDER_AMOUNT);
        this.sizeInQuote = "QUOTE".equals(config.text(ExternalSignalDefinition.SIZE_UNIT));
    }

    /** Hot reload: the next signal's default amount and size unit; the exits apply to the open long at once. */
    @Override
    public void reconfigure(StrategyContext ctx, StrategyConfig config) {
        orderAmount = config.decimal(CommonParameters.ORDER_AMOUNT);
        sizeInQuote = "QUOTE".equals(config.text(ExternalSignalDefinition.SIZE_UNIT));
        exits.reconfigure(ctx, ExitParameters.from(config));
    }

    @Override
    public void onStart(StrategyContext ctx) {
        exits.resume(ctx);  // a long held before a restart is managed again; a short waits for its close signal
    }

    @Override
    public void onTick(StrategyContext ctx, Tick tick) {
        exits.check(ctx, tick.price(), false);
        placeWaiting(ctx);
    }

    /** The bot is fed 1m candles: each close is a candle close for the CANDLE_CLOSE stop trigger. */
    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        exits.check(ctx, candle.close(), true);
        placeWaiting(ctx);
    }

    private void placeWaiting(StrategyContext ctx) {
        if (waitingForPrice == null) return;
        ExternalSignal signal = waitingForPrice;
        waitingForPrice = null;
        onSignal(ctx, signal);
    }

    @Override
    public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
        BigDecimal after = ctx.positionQuantity();
        if (fill.side() == OrderSide.BUY) {
            // a buy that started from flat or long builds the long deal; one that started short covers it
            if (after.subtract(fill.quantity()).signum() >= 0) exits.onEntryFill(ctx, fill);
        } else if (exits.inDeal() && exits.onExitFill(ctx, order, fill)) {
            ctx.log(ActivityLevel.INFO, "Deal closed; waiting for the next signal");
        }
        forget(order);
    }

    @Override
    public void onOrderUpdate(StrategyContext ctx, OrderSnapshot order, OrderEvent event) {
        forget(order);
    }

    private void forget(OrderSnapshot order) {
        if (order.isOpen()) return;
        entries.remove(order.clientOrderId());
        if (order.clientOrderId().equals(shortCover)) shortCover = null;
    }

    @Override
    public void onSignal(StrategyContext ctx, ExternalSignal signal) {
        switch (signal.action()) {
            case BUY -> enter(ctx, signal, OrderSide.BUY);
            case SELL -> {
                if (!instrument.isPerpetual()) {
                    refuse(ctx, signal, "sell opens a short, which needs a perpetual market; send close to exit a long");
                } else {
                    enter(ctx, signal, OrderSide.SELL);
                }
            }
            case CLOSE -> close(ctx, signal);
        }
    }

    private void enter(StrategyContext ctx, ExternalSignal signal, OrderSide side) {
        int held = ctx.positionQuantity().signum();
        if (side == OrderSide.BUY && held < 0) {
            refuse(ctx, signal, "the bot holds a short; send close first");
            return;
        }
        if (side == OrderSide.SELL && held > 0) {
            refuse(ctx, signal, "the bot holds a long; send close first");
            return;
        }
        if (exits.isClosing() || shortCover != null) {
            refuse(ctx, signal, "the position is being closed");
            return;
        }
        if (signal.size() != null && signal.size().signum() <= 0) {
            refuse(ctx, signal, "size must be greater than 0, not " + signal.size().toPlainString());
            return;
        }
        BigDecimal limit = null;
        if (signal.price() != null) {
            // a buy never pays more, a sell never receives less, than the signal's price
            limit = side == OrderSide.BUY ? Sizing.buyPrice(instrument, signal.price())
                    : Sizing.sellPrice(instrument, signal.price());
            if (limit.signum() <= 0) {
                refuse(ctx, signal, "price " + signal.price().toPlainString() + " is below one tick ("
                        + instrument.tickSize().toPlainString() + ")");
                return;
            }
        } else if (Double.isNaN(ctx.lastPrice())) {
            waitingForPrice = signal;  // a later signal replaces it; a close drops it
            ctx.log(ActivityLevel.INFO, "Signal " + signal.label() + ": waiting for the first market price");
            return;
        }
        BigDecimal reference = limit != null ? limit : Sizing.price(instrument, ctx.lastPrice());
        BigDecimal quantity = signal.size() == null ? Sizing.quantityFor(instrument, orderAmount, reference)
                : sizeInQuote ? Sizing.quantityFor(instrument, signal.size(), reference)
                : instrument.roundQuantity(signal.size());
        if (!Sizing.meetsMinimums(instrument, quantity, reference)) {
            refuse(ctx, signal, "the order (" + quantity.toPlainString() + " " + instrument.baseAsset() + " at "
                    + reference.toPlainString() + ") is below the minimum order of " + instrument.minQuantity().toPlainString()
                    + " " + instrument.baseAsset() + " and " + instrument.minNotional().toPlainString() + " "
                    + instrument.quoteAsset());
            return;
        }
        OrderRequest request = limit == null ? OrderRequest.market(side, quantity) : OrderRequest.limit(side, quantity, limit);
        ctx.log(ActivityLevel.INFO, "Signal " + signal.label() + ": " + (side == OrderSide.BUY ? "buying " : "selling ")
                + quantity.toPlainString() + " " + instrument.baseAsset()
                + (limit == null ? " at market" : " at " + limit.toPlainString()));
        OrderSnapshot s = ctx.submit(request);
        if (s.status() != OrderStatus.DENIED && s.isOpen()) entries.add(s.clientOrderId());  // a denial is logged by the kernel
    }

    private void close(StrategyContext ctx, ExternalSignal signal) {
        waitingForPrice = null;
        int canceled = 0;
        for (String id : new ArrayList<>(entries)) {
            if (ctx.cancel(id)) canceled++;
        }
        BigDecimal held = ctx.positionQuantity();
        String what = canceled == 0 ? "" : " (canceled " + canceled + " working entry order" + (canceled == 1 ? ")" : "s)");
        if (held.signum() > 0) {
            ctx.log(ActivityLevel.INFO, "Signal " + signal.label() + ": closing the long" + what);
            exits.close(ctx, CloseReason.SIGNAL);
        } else if (held.signum() < 0) {
            if (shortCover != null) {
                refuse(ctx, signal, "the short is already being closed");
                return;
            }
            ctx.log(ActivityLevel.INFO, "Signal " + signal.label() + ": closing the short" + what);
            OrderSnapshot s = ctx.submit(OrderRequest.market(OrderSide.BUY, held.negate()).closing(CloseReason.SIGNAL));
            if (s.status() != OrderStatus.DENIED && s.isOpen()) shortCover = s.clientOrderId();
        } else {
            ctx.log(ActivityLevel.INFO, "Signal " + signal.label() + ": no position to close" + what);
        }
    }

    private static void refuse(StrategyContext ctx, ExternalSignal signal, String why) {
        ctx.log(ActivityLevel.WARNING, "Signal " + signal.label() + " refused: " + why);
    }
}
