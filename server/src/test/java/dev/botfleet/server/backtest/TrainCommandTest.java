package dev.botfleet.server.backtest;

import dev.botfleet.ml.model.ModelLoader;
import dev.botfleet.ml.model.ModelObjective;
import dev.botfleet.ml.model.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code train --data <shipped candles> ...}: the model and report files, and refusals naming the option. */
class TrainCommandTest {
    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new TrainCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String ltc() {
        return ShippedDatasets.directory().resolve("LTC_BTC-5m.json").toString();
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesAModelTheRegistryAcceptsAndItsReport() throws Exception {
        Path dir = work.resolve("out");

        int code = run("--data", ltc(), "--take-profit", "0.004", "--stop-loss", "0.004", "--holding-seconds", "30",
                "--seed", "3", "--param", "num_iterations=8", "--out", dir.toString());

        assertThat(code).as(errors()).isZero();
        byte[] model = Files.readAllBytes(dir.resolve("model.txt"));
        try (Predictor p = new ModelLoader().load(model, ModelObjective.BINARY)) {
            assertThat(p.featureSet().id()).isEqualTo("seed-v1");
        }
        JsonNode report = JsonMapper.builder().build().readTree(dir.resolve("report.json").toFile());
        assertThat(report.get("iterations").asInt()).isEqualTo(8);
        assertThat(report.get("parameters").asString()).contains("seed=3");
        assertThat(report.get("trainAuc").asDouble()).isGreaterThan(0.5);
        assertThat(report.get("validationThresholds")).hasSize(6);
        assertThat(report.get("featureImportance")).hasSize(26);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("validation AUC", "model.txt", "report.json");

        // the same seed trains the same model
        Path again = work.resolve("again");
        assertThat(run("--data", ltc(), "--take-profit", "0.004", "--stop-loss", "0.004", "--holding-seconds", "30",
                "--seed", "3", "--param", "num_iterations=8", "--out", again.toString())).isZero();
        assertThat(Files.readAllBytes(again.resolve("model.txt"))).isEqualTo(model);
    }

    @Test
    void badInputIsRefusedNamingTheOptionAndWritesNothing() {
        Path dir = work.resolve("out");
        String[] base = {"--take-profit", "0.004", "--stop-loss", "0.004", "--holding-seconds", "30", "--out",
                dir.toString()};

        assertThat(run(concat(base, "--data", work.resolve("missing.json").toString()))).isEqualTo(2);
        assertThat(errors()).contains("--data", "no such file");
        assertThat(run(concat(base, "--data", ltc(), "--param", "num_leaves=1"))).isEqualTo(2);
        assertThat(errors()).contains("--param num_leaves");
        assertThat(run(concat(base, "--data", ltc(), "--param", "boosting=dart"))).isEqualTo(2);
        assertThat(errors()).contains("--param boosting");
        assertThat(run("--data", ltc(), "--take-profit", "2", "--stop-loss", "0.004", "--holding-seconds", "30"))
                .isEqualTo(2);
        assertThat(errors()).contains("--take-profit");
        assertThat(run("--data", ltc(), "--take-profit", "0.004", "--stop-loss", "0.004")).isEqualTo(2);
        assertThat(errors()).contains("--holding-seconds: is required");
        assertThat(run(concat(base, "--data", ltc(), "--validation-share", "0.9"))).isEqualTo(2);
        assertThat(errors()).contains("--validation-share");
        assertThat(dir).doesNotExist();
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: train", "num_iterations");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
