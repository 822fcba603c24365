package dev.botfleet.engine.kernel;

import dev.botfleet.engine.strategy.ActivityLevel;

import java.time.Instant;

/** One line of the activity log, in plain words ("Bought 0.0100 BTC at 64,210.50 on sim"). */
public record ActivityEntry(String botId, ActivityLevel level, String message, Instant timestamp) {
}
