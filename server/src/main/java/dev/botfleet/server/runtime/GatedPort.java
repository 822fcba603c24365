package dev.botfleet.server.runtime;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.OrderSnapshot;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A bot's exchange port on a cluster node: once the node has lost the bot's shard (its lease expired or was taken, or
 * the shard was handed off) nothing more reaches the exchange from here — no order, no cancel — even from events still
 * queued in the bot's mailbox. The new owner reconciles what is journaled. Reads stay open.
 */
class GatedPort implements ExchangePort {
    /**
     * The gate around {@code port}; a simulated exchange (a {@link dev.botfleet.engine.market.MarketDataListener}, which
     * the kernel recognises by type to match resting orders against trades) stays one.
     */
    static ExchangePort around(ExchangePort port, BooleanSupplier closed) {
        return port instanceof dev.botfleet.engine.market.MarketDataListener matching
                ? new Simulated(port, closed, matching) : new GatedPort(port, closed);
    }

    /** The simulated exchange gated: its matching of resting paper orders goes on (the journal fences the fills). */
    private static final class Simulated extends GatedPort
            implements dev.botfleet.engine.market.MarketDataListener, dev.botfleet.engine.market.QuietBand.Source {
        private final dev.botfleet.engine.market.MarketDataListener matching;

        Simulated(ExchangePort port, BooleanSupplier closed, dev.botfleet.engine.market.MarketDataListener matching) {
            super(port, closed);
            this.matching = matching;
        }

        @Override
        public void onTick(dev.botfleet.engine.market.Tick tick) {
            matching.onTick(tick);
        }

        @Override
        public void onCandle(dev.botfleet.engine.market.Candle candle) {
            matching.onCandle(candle);
        }

        @Override
        public void narrow(dev.botfleet.engine.market.QuietBand band) {
            if (matching instanceof dev.botfleet.engine.market.QuietBand.Source source) source.narrow(band);
            else band.none();
        }
    }

    private final ExchangePort port;
    private final BooleanSupplier closed;

    private GatedPort(ExchangePort port, BooleanSupplier closed) {
        this.port = port;
        this.closed = closed;
    }

    @Override
    public String exchange() {
        return port.exchange();
    }

    @Override
    public void submit(OrderSnapshot order) {
        // the kernel keeps the journaled order SUBMITTED; the shard's new owner reconciles it by client order id
        if (closed.getAsBoolean()) throw new IllegalStateException("this node no longer owns the bot's shard");
        port.submit(order);
    }

    @Override
    public void cancel(String clientOrderId) {
        if (closed.getAsBoolean()) return;  // the order belongs to the shard's new owner now
        port.cancel(clientOrderId);
    }

    @Override
    public Optional<OrderReport> query(String clientOrderId) {
        return port.query(clientOrderId);
    }

    @Override
    public Optional<OrderReport> query(OrderSnapshot order) {
        return port.query(order);
    }

    @Override
    public Optional<Balance> balance(String asset) {
        return port.balance(asset);
    }

    @Override
    public void settleFunding(dev.botfleet.engine.position.FundingPayment payment) {
        port.settleFunding(payment);
    }
}
