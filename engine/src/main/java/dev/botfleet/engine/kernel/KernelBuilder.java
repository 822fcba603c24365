package dev.botfleet.engine.kernel;

import dev.botfleet.engine.exchange.ExchangeConnector;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.risk.RiskEngine;
import dev.botfleet.engine.risk.RiskLimits;
import dev.botfleet.engine.strategy.Strategy;

import java.util.Objects;

/**
 * How a {@link BotKernel} is put together ({@link BotKernel#builder}). Defaults: no journal, no listener, no risk
 * limits, cancel orders on stop. The exchange is required, and with a simulated exchange so is {@link #matchOn}.
 */
public final class KernelBuilder {
    final String botId;
    final Instrument instrument;
    final Strategy strategy;
    RiskEngine risk = new RiskEngine(RiskLimits.NONE);
    OrderJournal journal = OrderJournal.NONE;
    KernelListener listener = KernelListener.NONE;
    ExchangeConnector connector;
    KernelState state = KernelState.EMPTY;
    boolean cancelOrdersOnStop = true;
    MatchingData matchOn;
    MarginSettings margin;

    KernelBuilder(String botId, Instrument instrument, Strategy strategy) {
        this.botId = Objects.requireNonNull(botId, "botId");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    public KernelBuilder risk(RiskEngine risk) { this.risk = risk; return this; }

    public KernelBuilder journal(OrderJournal journal) { this.journal = journal; return this; }

    public KernelBuilder listener(KernelListener listener) { this.listener = listener; return this; }

    /** Required: how to reach the exchange (e.g. {@code simExchange::connect}). */
    public KernelBuilder exchange(ExchangeConnector connector) { this.connector = connector; return this; }

    /** Restores a bot from its journal; call {@link BotKernel#start} afterwards to reconcile and resume. */
    public KernelBuilder state(KernelState state) { this.state = state; return this; }

    /** Leverage and margin mode on a perpetual (default {@link MarginSettings#DEFAULT}); ignored on spot. */
    public KernelBuilder margin(MarginSettings settings) { this.margin = settings; return this; }

    public KernelBuilder cancelOrdersOnStop(boolean value) { this.cancelOrdersOnStop = value; return this; }

    /** Required with a simulated exchange: which market data its matching runs on (see {@link MatchingData}). */
    public KernelBuilder matchOn(MatchingData data) {
        this.matchOn = Objects.requireNonNull(data, "matching data");
        return this;
    }

    public BotKernel build() {
        Objects.requireNonNull(connector, "exchange connector");
        return new BotKernel(this);
    }
}
