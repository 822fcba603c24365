package dev.botfleet.engine.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A trading signal from outside the bot (e.g. a TradingView alert posted to the server's signal webhook), handed to a
 * {@link SignalReceiver} strategy on the bot's own turn.
 *
 * @param action what the sender asks for
 * @param price  a limit price (the strategy rounds it to the tick grid); null for a market order
 * @param size   an order size (the strategy says in which unit); null for the bot's configured amount
 * @param id     the sender's id of the signal, for the activity log (duplicates are filtered before the kernel); may be null
 * @param at     when the signal was received: the kernel's clock moves to it
 */
public record ExternalSignal(Action action, BigDecimal price, BigDecimal size, String id, Instant at) {
    public enum Action { BUY, SELL, CLOSE }

    public ExternalSignal {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }

    /** "buy", or "buy (id abc)": how the activity log names it. */
    public String label() {
        String name = action.name().toLowerCase(Locale.ROOT);
        return id == null ? name : name + " (id " + id + ")";
    }
}
