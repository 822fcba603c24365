package dev.botfleet.server.bot;

import dev.botfleet.server.common.Decimals;

import dev.botfleet.engine.strategy.WarmupProgress;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record BotResponse(UUID id, String name, String exchange, String symbol, String strategy, BotMode mode,
                          BotStatus status, String statusReason, Map<String, Object> config, String pnl,
                          long totalTrades, Instant lastFillTime, Instant createdAt, Instant updatedAt,
                          Warmup warmup, UUID credentialId, String leverage, String marginMode,
                          SignalWebhook signalWebhook) {
    /**
     * A signal bot's webhook: whether it has a token and its path with the token masked (the token itself is shown
     * only by POST /bots/{id}/signal-token). Null for other strategies.
     */
    public record SignalWebhook(boolean hasToken, String maskedPath) {
    }

    /** A running bot's warm-up: candles of its strategy's timeframe received (history, then live) of those needed. */
    public record Warmup(int needed, int received) {
    }

    /** @param warmup null when the bot is not running or its strategy needs no history */
    public static BotResponse of(Bot b, WarmupProgress warmup) {
        return of(b, warmup, null);
    }

    public static BotResponse of(Bot b, WarmupProgress warmup, SignalWebhook signalWebhook) {
        return new BotResponse(b.id(), b.name(), b.exchange(), b.symbol(), b.strategy(), b.mode(), b.status(),
                b.statusReason(), b.config(), Decimals.format(b.pnl()), b.totalTrades(), b.lastFillTime(),
                b.createdAt(), b.updatedAt(), warmup == null ? null : new Warmup(warmup.needed(), warmup.received()),
                b.credentialId(), b.margin() == null ? null : Decimals.format(b.margin().leverage()),
                b.margin() == null ? null : b.margin().mode().name(), signalWebhook);
    }
}
