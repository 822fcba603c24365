package dev.botfleet.server.ml;

import dev.botfleet.ml.features.FeatureSets;
import dev.botfleet.ml.model.ModelLoader;
import dev.botfleet.ml.model.ModelObjective;
import dev.botfleet.ml.model.ModelRejectedException;
import dev.botfleet.ml.model.Predictor;
import dev.botfleet.ml.strategy.ModelSource;
import dev.botfleet.ml.strategy.ModelUnavailableException;
import dev.botfleet.server.bot.BotResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry as ml-signal bots see it: which model ids a user's bot may name ({@link BotResolver.ModelCheck}: only
 * the owner's own), and the model a running bot opens ({@link ModelSource}: the file loaded and validated again, for
 * the bot's owner only).
 */
@Component
public class BotModels implements ModelSource, BotResolver.ModelCheck {
    private final ModelRepository models;
    private final ModelFiles files;
    private final JdbcClient jdbc;
    private final ModelLoader loader;

    public BotModels(ModelRepository models, ModelFiles files, JdbcClient jdbc, ModelService service) {
        this.models = models;
        this.files = files;
        this.jdbc = jdbc;
        this.loader = new ModelLoader(FeatureSets.builtIn(), service.maxFileBytes());
    }

    @Override
    public Optional<String> problem(UUID ownerId, String modelId) {
        UUID id = uuid(modelId);
        if (id == null) return Optional.of("must be a model id (a UUID) from GET /api/v1/models");
        if (models.find(ownerId, id).isEmpty()) return Optional.of("no such model (GET /api/v1/models lists yours)");
        return Optional.empty();
    }

    /** Refused: on the server a model is always opened for a bot, whose owner must own it. */
    @Override
    public Predictor open(String modelId) {
        throw new ModelUnavailableException("model " + modelId + " can only be opened for one of its owner's bots");
    }

    @Override
    public Predictor openForBot(String botId, String modelId) {
        UUID bot = uuid(botId);
        Optional<UUID> owner = bot == null ? Optional.empty()
                : jdbc.sql("SELECT owner_id FROM bots WHERE id = :id").param("id", bot).query(UUID.class).optional();
        if (owner.isEmpty()) {
            throw new ModelUnavailableException("models are served to the owner's bots only (bot " + botId + ")");
        }
        return load(owner.get(), modelId);
    }

    /** The models of one user, whatever bot id asks: what that user's backtests open. */
    public ModelSource forOwner(UUID ownerId) {
        return new ModelSource() {
            @Override
            public Predictor open(String modelId) {
                return load(ownerId, modelId);
            }

            @Override
            public String describe(String modelId) {
                return BotModels.this.describe(modelId);
            }
        };
    }

    private Predictor load(UUID ownerId, String modelId) {
        UUID id = uuid(modelId);
        MlModel model = id == null ? null : models.find(ownerId, id).orElse(null);
        if (model == null) throw new ModelUnavailableException("model " + modelId + " does not exist (deleted?)");
        try {
            return loader.load(files.read(ownerId, id), ModelObjective.BINARY);
        } catch (UncheckedIOException e) {
            throw new ModelUnavailableException("the file of model " + name(model) + " cannot be read", e);
        } catch (ModelRejectedException e) {
            throw new ModelUnavailableException("model " + name(model) + " no longer loads: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe(String modelId) {
        UUID id = uuid(modelId);
        return id == null ? modelId : models.findById(id).map(BotModels::name).orElse(modelId);
    }

    static String name(MlModel m) {
        return m.name() + " v" + m.version();
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
