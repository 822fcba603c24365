package dev.botfleet.server.backtest;

import java.time.Instant;
import java.util.UUID;

/** One stored backtest run; {@code request} and {@code result} are JSON text. */
public record BacktestRun(UUID id, UUID ownerId, String strategy, String dataset, String symbol, String timeframe,
                          String fillModel, String request, BacktestStatus status, String error, String result,
                          Instant createdAt, Instant startedAt, Instant finishedAt) {
}
