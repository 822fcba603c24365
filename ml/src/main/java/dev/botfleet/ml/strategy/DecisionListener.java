package dev.botfleet.ml.strategy;

/**
 * Told of every decision of an ml-signal bot, on the bot's turn (the server persists them; tests collect them).
 * {@code botId} is the kernel's bot id.
 */
@FunctionalInterface
public interface DecisionListener {
    DecisionListener NONE = (botId, decision) -> { };

    void onDecision(String botId, MlDecision decision);
}
