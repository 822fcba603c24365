package dev.botfleet.server.bot;

import dev.botfleet.server.common.Decimals;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record BotResponse(UUID id, String name, String exchange, String symbol, String strategy, BotMode mode,
                          BotStatus status, String statusReason, Map<String, Object> config, String pnl,
                          long totalTrades, Instant lastFillTime, Instant createdAt, Instant updatedAt) {
    public static BotResponse of(Bot b) {
        return new BotResponse(b.id(), b.name(), b.exchange(), b.symbol(), b.strategy(), b.mode(), b.status(),
                b.statusReason(), b.config(), Decimals.format(b.pnl()), b.totalTrades(), b.lastFillTime(),
                b.createdAt(), b.updatedAt());
    }
}
