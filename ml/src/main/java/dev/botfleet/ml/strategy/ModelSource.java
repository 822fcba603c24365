package dev.botfleet.ml.strategy;

import dev.botfleet.ml.model.Predictor;

/**
 * Where an ml-signal bot gets its model: the server's registry, a test's trained model. The bot opens one predictor
 * at start and one per hot swap, and closes each when it lets go of it.
 */
public interface ModelSource {

    /**
     * A ready predictor for {@code modelId}; the caller closes it.
     *
     * @throws ModelUnavailableException when there is no such model or it cannot serve (the message says why)
     */
    Predictor open(String modelId);

    /**
     * The predictor for one bot's use (what the strategy calls): a source that serves several owners checks here that
     * the model is the bot's owner's. By default the same as {@link #open(String)}.
     *
     * @param botId the kernel's bot id
     */
    default Predictor openForBot(String botId, String modelId) {
        return open(modelId);
    }

    /** How the activity log names the model, e.g. {@code btc-scalp v2}; the id when nothing better is known. */
    default String describe(String modelId) {
        return modelId;
    }
}
