package dev.botfleet.engine.position;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where a bot last stood flat: after this fill it held nothing and had no deal open, so its whole position is what it
 * had realized and the fees it had paid by then. A restart starts the position here ({@link Position#startAt}) and
 * replays only the fills after it, instead of every fill the bot ever booked: the start of a long-lived bot costs what
 * its open deal costs, not what its history does (docs/fleet-scale.md, "A bot starts where it last stood flat").
 *
 * <p>Spot only: a perpetual's funding is replayed in time order between its fills, so it starts from its first fill.
 *
 * @param realizedPnl the position's realized PnL after that fill
 * @param fees        the fees paid up to and with that fill, per currency, in the order first charged
 * @param at          when that fill executed
 */
public record FlatPoint(BigDecimal realizedPnl, Map<String, BigDecimal> fees, Instant at) {
    public FlatPoint {
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(at, "at");
        fees = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fees));
    }
}
