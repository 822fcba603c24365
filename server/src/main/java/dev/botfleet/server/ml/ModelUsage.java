package dev.botfleet.server.ml;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which of a user's bots use which model: a bot uses a model when its config's {@code model} is the model's id. Read
 * from the stored configs generically (whatever the strategy), so the ml-signal strategy is covered once it exists.
 */
@Component
public class ModelUsage {

    /** A bot using a model. */
    public record BotRef(UUID id, String name) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ModelUsage(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Model id (as written in the configs) to the bots using it, oldest bot first. */
    public Map<String, List<BotRef>> byModel(UUID ownerId) {
        Map<String, List<BotRef>> out = new HashMap<>();
        jdbc.sql("SELECT id, name, config FROM bots WHERE owner_id = :owner ORDER BY seq")
                .param("owner", ownerId).query((rs, n) -> {
                    String model = modelOf(rs.getString("config"));
                    if (model != null) {
                        out.computeIfAbsent(model, k -> new ArrayList<>())
                                .add(new BotRef(rs.getObject("id", UUID.class), rs.getString("name")));
                    }
                    return null;
                }).list();
        return out;
    }

    public List<BotRef> of(UUID ownerId, UUID modelId) {
        return byModel(ownerId).getOrDefault(modelId.toString(), List.of());
    }

    private String modelOf(String config) {
        try {
            JsonNode model = json.readTree(config).get("model");
            return model != null && model.isString() ? model.asString().strip().toLowerCase(java.util.Locale.ROOT) : null;
        } catch (RuntimeException e) {  // a config that is not an object: no model
            return null;
        }
    }
}
