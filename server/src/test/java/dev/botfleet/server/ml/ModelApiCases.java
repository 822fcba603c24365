package dev.botfleet.server.ml;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The model registry: POST/GET/DELETE /api/v1/models. Run on H2 and on PostgreSQL. */
public abstract class ModelApiCases extends ApiTestBase {

    @Autowired
    ModelFiles files;

    Answer upload(Session user, byte[] file, String name, String symbol, String description) {
        MockMultipartHttpServletRequestBuilder b = MockMvcRequestBuilders.multipart("/api/v1/models");
        if (file != null) b.file(new MockMultipartFile("file", "model.txt", "text/plain", file));
        if (name != null) b.param("name", name);
        if (symbol != null) b.param("symbol", symbol);
        if (description != null) b.param("description", description);
        if (user != null) b.header("Authorization", "Bearer " + user.token());
        b.with(r -> {
            r.setRemoteAddr(nextAddress());  // as ApiTestBase does: unrelated tests share no per-address limit
            return r;
        });
        try {
            var response = mvc.perform(b).andReturn().getResponse();
            String text = response.getContentAsString(StandardCharsets.UTF_8);
            return new Answer(response.getStatus(), text.isBlank() ? null : json.readTree(text), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Answer uploadSmall(Session user, String name) {
        Answer a = upload(user, ModelFixtures.smallModel(), name, "LTC/BTC", null);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201);
        return a;
    }

    /** A bot whose config names the model, as the ml-signal strategy's configs will. */
    void insertBotUsing(Session user, UUID botId, String botName, String modelId) {
        jdbc.sql("""
                        INSERT INTO bots (id, owner_id, name, exchange, symbol, strategy, mode, status, config,
                            created_at, updated_at)
                        VALUES (:id, :owner, :name, 'sim', 'LTC/BTC', 'rsi', 'PAPER', 'STOPPED', :config, :at, :at)""")
                .param("id", botId).param("owner", user.id()).param("name", botName)
                .param("config", json.writeValueAsString(Map.of("model", modelId, "orderAmount", "1")))
                .param("at", OffsetDateTime.now()).update();
        botRowChanged(user.id(), botId);
    }

    private static void assertRejectedFile(Answer a, String reason) {
        assertProblem(a, 400, "MODEL_REJECTED");
        assertThat(a.errorFields()).containsExactly("file");
        JsonNode error = a.body().get("errors").get(0);
        assertThat(error.get("rejectedValue").asString()).isEqualTo(reason);
        assertThat(error.get("message").asString()).startsWith(reason + ": ");
    }

    @Test
    void anUploadedModelIsValidatedStoredAndDownloadable() throws Exception {
        Session user = newUser();
        byte[] model = ModelFixtures.smallModel();

        Answer created = upload(user, model, "ltc scalper", "ltc/btc", "first try");

        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        JsonNode m = created.body();
        String id = m.get("id").asString();
        assertThat(created.raw().getHeader("Location")).isEqualTo("/api/v1/models/" + id);
        assertThat(m.get("name").asString()).isEqualTo("ltc scalper");
        assertThat(m.get("version").asInt()).isEqualTo(1);
        assertThat(m.get("symbol").asString()).isEqualTo("LTC/BTC");
        assertThat(m.get("description").asString()).isEqualTo("first try");
        assertThat(m.get("featureSet").asString()).isEqualTo("seed-v1");
        assertThat(m.get("featureCount").asInt()).isEqualTo(26);
        assertThat(m.get("objective").asString()).isEqualTo("BINARY");
        assertThat(m.get("trees").asInt()).isEqualTo(10);
        assertThat(m.get("fileSize").asLong()).isEqualTo(model.length);
        assertThat(m.get("sha256").asString()).isEqualTo(ModelService.sha256(model));
        assertThat(m.get("usedBy")).isEmpty();

        Path stored = files.path(user.id(), UUID.fromString(id));
        assertThat(stored).hasBinaryContent(model);
        assertThat(stored.toString()).endsWith("models/" + user.id() + "/" + id + ".txt");

        Answer got = get("/api/v1/models/" + id, user);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().get("sha256").asString()).isEqualTo(m.get("sha256").asString());

        var download = mvc.perform(MockMvcRequestBuilders.get("/api/v1/models/" + id + "/file")
                .header("Authorization", "Bearer " + user.token())).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(model);
        assertThat(download.getHeader("Content-Disposition")).contains("ltc_scalper-v1.txt");

        Answer list = get("/api/v1/models", user);
        assertThat(list.body().get("total").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void uploadingAnExistingNameMakesTheNextVersion() {
        Session user = newUser();

        Answer first = uploadSmall(user, "scalper");
        Answer second = uploadSmall(user, "scalper");
        Answer other = uploadSmall(user, "another");
        Answer otherUsersFirst = uploadSmall(newUser(), "scalper");

        assertThat(first.body().get("version").asInt()).isEqualTo(1);
        assertThat(second.body().get("version").asInt()).isEqualTo(2);
        assertThat(second.body().get("id").asString()).isNotEqualTo(first.body().get("id").asString());
        assertThat(other.body().get("version").asInt()).isEqualTo(1);
        assertThat(otherUsersFirst.body().get("version").asInt()).isEqualTo(1);  // versions count per owner
        List<String> listed = new ArrayList<>();
        get("/api/v1/models", user).body().get("items").forEach(i -> listed.add(i.get("name").asString()
                + " v" + i.get("version").asInt()));
        assertThat(listed).containsExactly("another v1", "scalper v2", "scalper v1");  // newest first
    }

    @Test
    void aFileThatIsNotAModelIsRefusedNamingTheReason() {
        Session user = newUser();

        assertRejectedFile(upload(user, "hello, not a model".getBytes(StandardCharsets.UTF_8), "m", "LTC/BTC", null),
                "NOT_A_MODEL");
        assertRejectedFile(upload(user, new byte[] {(byte) 0x80, 0x04, (byte) 0x95, 0, 1, 2}, "m", "LTC/BTC", null),
                "NOT_A_MODEL");  // a pickle's first bytes
        assertRejectedFile(upload(user, new byte[0], "m", "LTC/BTC", null), "NOT_A_MODEL");
        // a model cut in half: refused in Java before LightGBM's loader could read past its end
        byte[] model = ModelFixtures.smallModel();
        assertRejectedFile(upload(user, java.util.Arrays.copyOf(model, model.length / 2), "m", "LTC/BTC", null),
                "NOT_A_MODEL");
        assertThat(get("/api/v1/models", user).body().get("total").asLong()).isZero();
    }

    @Test
    void aModelOfOtherFeaturesIsRefused() throws Exception {
        Session user = newUser();

        assertRejectedFile(upload(user, ModelFixtures.threeFeatureModel(), "m", "LTC/BTC", null),
                "WRONG_FEATURE_COUNT");
        String renamed = new String(ModelFixtures.smallModel(), StandardCharsets.UTF_8)
                .replace("feature_names=ret_1 ", "feature_names=return_1s ");
        Answer wrongNames = upload(user, renamed.getBytes(StandardCharsets.UTF_8), "m", "LTC/BTC", null);
        assertRejectedFile(wrongNames, "WRONG_FEATURE_NAMES");
        assertThat(wrongNames.body().get("errors").get(0).get("message").asString()).contains("return_1s", "ret_1");
    }

    @Test
    void aFileOverTheLimitIsA400NamingTheFile() {
        byte[] big = new byte[8 * 1024 * 1024 + 1];  // botfleet.ml.max-model-size: 8MB
        java.util.Arrays.fill(big, (byte) 'a');

        Answer a = upload(newUser(), big, "m", "LTC/BTC", null);

        assertRejectedFile(a, "TOO_LARGE");
        assertThat(a.body().get("errors").get(0).get("message").asString()).contains("8388608");
    }

    @Test
    void missingOrWrongFieldsAreNamedAllAtOnce() {
        Session user = newUser();

        Answer nothing = upload(user, null, null, null, null);
        assertProblem(nothing, 400, "VALIDATION_ERROR");
        assertThat(nothing.errorFields()).containsExactlyInAnyOrder("file", "name", "symbol");

        Answer wrong = upload(user, ModelFixtures.smallModel(), "../../etc", "LTCBTC", "x".repeat(1001));
        assertProblem(wrong, 400, "VALIDATION_ERROR");
        assertThat(wrong.errorFields()).containsExactlyInAnyOrder("name", "symbol", "description");
        assertThat(get("/api/v1/models", user).body().get("total").asLong()).isZero();
    }

    @Test
    void aModelABotUsesCannotBeDeletedAndAnUnusedOneIsDeletedWithItsFile() {
        Session user = newUser();
        String id = uploadSmall(user, "used").body().get("id").asString();
        UUID botId = UUID.randomUUID();
        insertBotUsing(user, botId, "ml bot", id);

        JsonNode listed = get("/api/v1/models", user).body().get("items").get(0);
        assertThat(listed.get("usedBy").get(0).get("id").asString()).isEqualTo(botId.toString());
        assertThat(listed.get("usedBy").get(0).get("name").asString()).isEqualTo("ml bot");
        assertThat(get("/api/v1/models/" + id, user).body().get("usedBy")).hasSize(1);

        Answer refused = delete("/api/v1/models/" + id, user);
        assertProblem(refused, 409, "MODEL_IN_USE");
        assertThat(refused.body().get("detail").asString()).contains("ml bot", botId.toString());
        assertThat(refused.body().get("bots").get(0).get("id").asString()).isEqualTo(botId.toString());
        assertThat(get("/api/v1/models/" + id, user).status()).isEqualTo(200);

        jdbc.sql("DELETE FROM bots WHERE id = :id").param("id", botId).update();
        botRowChanged(botId);
        Path stored = files.path(user.id(), UUID.fromString(id));
        assertThat(stored).exists();

        assertThat(delete("/api/v1/models/" + id, user).status()).isEqualTo(204);
        assertThat(get("/api/v1/models/" + id, user).status()).isEqualTo(404);
        assertThat(stored).doesNotExist();
        assertThat(delete("/api/v1/models/" + id, user).status()).isEqualTo(404);
    }

    @Test
    void anotherUsersModelIsNotFound() {
        Session owner = newUser();
        Session stranger = newUser();
        String id = uploadSmall(owner, "mine").body().get("id").asString();
        // a bot of the stranger naming the owner's model does not count as a use of it
        insertBotUsing(stranger, UUID.randomUUID(), "stranger bot", id);

        assertProblem(get("/api/v1/models/" + id, stranger), 404, "NOT_FOUND");
        assertProblem(get("/api/v1/models/" + id + "/file", stranger), 404, "NOT_FOUND");
        assertProblem(delete("/api/v1/models/" + id, stranger), 404, "NOT_FOUND");
        assertThat(get("/api/v1/models", stranger).body().get("total").asLong()).isZero();
        assertThat(get("/api/v1/models/" + id, owner).body().get("usedBy")).isEmpty();
        assertThat(get("/api/v1/models/not-a-uuid", owner).status()).isEqualTo(400);
        assertThat(upload(null, ModelFixtures.smallModel(), "m", "LTC/BTC", null).status()).isEqualTo(401);
    }

    @Test
    void aTrainingJobRegistersItsModelWithTheReport() {
        Session user = newUser();
        Map<String, Object> body = Map.of("name", "trained", "dataset", "LTC_BTC-5m",
                "labels", Map.of("takeProfit", 0.004, "stopLoss", 0.004, "holdingSeconds", 30),
                "validationShare", 0.25, "seed", 7, "params", Map.of("num_iterations", 10));

        Answer created = post("/api/v1/models/train", user, body);

        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(202);
        String jobId = created.body().get("id").asString();
        assertThat(created.raw().getHeader("Location")).isEqualTo("/api/v1/models/training/" + jobId);
        JsonNode done = await("training " + jobId, () -> get("/api/v1/models/training/" + jobId, user).body(),
                j -> j.get("status").asString().equals("DONE") || j.get("status").asString().equals("FAILED"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        JsonNode report = done.get("report");
        assertThat(report.get("featureSet").asString()).isEqualTo("seed-v1");
        assertThat(report.get("iterations").asInt()).isEqualTo(10);
        assertThat(report.get("parameters").asString()).contains("seed=7");
        assertThat(report.get("validationAuc").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.get("validationThresholds")).hasSize(6);
        assertThat(report.get("featureImportance")).hasSize(26);

        String modelId = done.get("modelId").asString();
        JsonNode model = get("/api/v1/models/" + modelId, user).body();
        assertThat(model.get("name").asString()).isEqualTo("trained");
        assertThat(model.get("version").asInt()).isEqualTo(1);
        assertThat(model.get("symbol").asString()).isEqualTo("LTC/BTC");  // the dataset's
        assertThat(model.get("trees").asInt()).isEqualTo(10);
        assertThat(get("/api/v1/models", user).body().get("items").get(0).get("id").asString()).isEqualTo(modelId);
        assertThat(get("/api/v1/models/training", user).body().get("total").asLong()).isEqualTo(1);
        assertProblem(get("/api/v1/models/training/" + jobId, newUser()), 404, "NOT_FOUND");
    }

    @Test
    void aWrongTrainingRequestNamesEveryWrongField() {
        Session user = newUser();
        Map<String, Object> body = Map.of("name", "", "dataset", "NOPE-5m",
                "labels", Map.of("takeProfit", 0, "stopLoss", 0.7),
                "validationShare", 0.9, "params", Map.of("num_leaves", 1, "boosting", "dart"));

        Answer a = post("/api/v1/models/train", user, body);

        assertProblem(a, 400, "VALIDATION_ERROR");
        assertThat(a.errorFields()).containsExactlyInAnyOrder("dataset", "name", "labels.takeProfit",
                "labels.stopLoss", "labels.holdingSeconds", "validationShare", "params.boosting");
        Answer badParam = post("/api/v1/models/train", user, Map.of("name", "n", "dataset", "LTC_BTC-5m",
                "labels", Map.of("takeProfit", 0.004, "stopLoss", 0.004, "holdingSeconds", 30),
                "params", Map.of("num_leaves", 1)));
        assertProblem(badParam, 400, "VALIDATION_ERROR");
        assertThat(badParam.errorFields()).containsExactly("params.num_leaves");
        assertProblem(post("/api/v1/models/train", user, Map.of("name", "n", "dataset", "LTC_BTC-5m")), 400,
                "VALIDATION_ERROR");
        assertThat(get("/api/v1/models/training", user).body().get("total").asLong()).isZero();
    }
}
