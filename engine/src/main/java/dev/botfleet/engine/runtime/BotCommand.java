package dev.botfleet.engine.runtime;

import dev.botfleet.engine.kernel.BotKernel;

import dev.botfleet.engine.market.Candle;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Things the outside world asks a running bot to do, delivered through its mailbox (imperative, per DESIGN.md). */
public sealed interface BotCommand {

    /** @param history completed candles from before {@code at}, oldest first, for the strategy's warm-up */
    record StartBot(Instant at, List<Candle> history) implements BotCommand {
        public StartBot {
            history = List.copyOf(history);
        }

        public StartBot(Instant at) {
            this(at, List.of());
        }
    }

    record StopBot(String reason) implements BotCommand {
    }

    /**
     * Carry out a stop that was decided but never run (after a crash, or a cluster hand-off, in between): reconcile the
     * bot's in-flight orders with the exchange and cancel what is open, without running the strategy.
     */
    record FinishStop(Instant at, String reason) implements BotCommand {
    }

    record CancelOrder(String clientOrderId) implements BotCommand {
    }

    /** Moves the bot's clock forward with no market data, so its timers fire in a quiet market. */
    record AdvanceClock(Instant now) implements BotCommand {
    }

    /** A perpetual's funding fixing on a simulated exchange: the bot's position pays or receives at {@code markPrice}. */
    record FundingRate(Instant at, java.math.BigDecimal rate, java.math.BigDecimal markPrice) implements BotCommand {
    }

    /** A funding settlement a real venue reported for the bot's position: booked into its PnL. */
    record Funding(dev.botfleet.engine.position.FundingPayment payment) implements BotCommand {
    }

    /**
     * New values of live-editable parameters (hot reload): handed to the strategy at the bot's next turn, after
     * everything queued before it; position, orders and deal are kept.
     */
    record Reconfigure(dev.botfleet.engine.strategy.definition.StrategyConfig config) implements BotCommand {
    }

    /** A signal from outside (webhook) for a strategy that takes them ({@code SignalReceiver}). */
    record Signal(dev.botfleet.engine.strategy.ExternalSignal signal) implements BotCommand {
    }

    /** Something about to happen to the bot's market (a DEX's mempool), for {@code Strategy.onMarketAlert}. */
    record Alert(dev.botfleet.engine.market.MarketAlert alert) implements BotCommand {
    }

    /** As {@link StopBot}, because something outside the strategy failed: the bot ends in error. */
    record StopInError(String reason) implements BotCommand {
    }

    /**
     * Runs {@code action} on the bot's turn: work from another thread that must not run beside the bot's own, e.g. a
     * paper order handed to the simulated exchange once its journaled intent is committed.
     */
    record OnTurn(Runnable action) implements BotCommand {
    }

    /** Runs {@code action} on the bot's turn, e.g. to read a consistent snapshot of its position. */
    record Inspect(Consumer<BotKernel> action) implements BotCommand {
    }
}
