package dev.botfleet.server.backtest;

import dev.botfleet.engine.data.CandleDataException;
import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.ml.labels.TripleBarrier;
import dev.botfleet.ml.training.CandleTraining;
import dev.botfleet.ml.training.Trainer;
import dev.botfleet.ml.training.TrainingParameters;
import dev.botfleet.server.ml.TrainingParams;
import dev.botfleet.server.ml.TrainingReportJson;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code train --data candles.json --take-profit 0.004 --stop-loss 0.004 --holding-seconds 30 ...}: trains a seed-v1
 * LightGBM model from a candle file the way POST /api/v1/models/train does (docs/ml.md "Training from the server")
 * and writes {@code model.txt} (uploadable to POST /api/v1/models) and {@code report.json} into {@code --out}.
 * Exit 0 done, 2 bad input (naming the option), 1 when training failed.
 */
public final class TrainCommand {
    public static final String NAME = "train";
    static final String USAGE = """
            usage: train --data <candles.json> --take-profit 0.004 --stop-loss 0.004 --holding-seconds 30
                         [--validation-share 0.25] [--seed 42] [--param num_iterations=100]... [--out target/train]
              --data takes the backtester's candle files (Freqtrade JSON); each candle becomes 2 seconds of trades.
              --param takes LightGBM's names: %s
            """.formatted(String.join(", ", TrainingParams.NAMES));
    static final Set<String> OPTIONS = Set.of("--data", "--take-profit", "--stop-loss", "--holding-seconds",
            "--validation-share", "--seed", "--param", "--out");
    static final Set<String> FLAGS = Set.of("--help");

    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        try {
            CommandLine cl = new CommandLine(args, OPTIONS, FLAGS);
            if (cl.has("--help")) {
                out.print(USAGE);
                return 0;
            }
            double takeProfit = fraction(cl, "--take-profit");
            double stopLoss = fraction(cl, "--stop-loss");
            int holding = wholeNumber(cl.required("--holding-seconds"), "--holding-seconds");
            if (holding < 1) throw new IllegalArgumentException("--holding-seconds: must be at least 1");
            double share = cl.get("--validation-share") == null ? 0.25 : number(cl.get("--validation-share"),
                    "--validation-share");
            if (!(share >= 0.05 && share <= 0.5)) throw new IllegalArgumentException("--validation-share: must be 0.05 to 0.5");
            long seed = cl.get("--seed") == null ? 42 : wholeNumber(cl.get("--seed"), "--seed");
            TrainingParameters parameters = parameters(cl.all("--param"), seed);
            CandleSeries candles = candles(cl.required("--data"));
            Path dir = Path.of(cl.get("--out") == null ? "target/train" : cl.get("--out"));
            out.printf(Locale.ROOT, "train: %d candles, take profit %s, stop loss %s, holding %d s, validation %s, seed %d%n",
                    candles.size(), takeProfit, stopLoss, holding, share, seed);
            Trainer.TrainedModel trained;
            try {
                trained = CandleTraining.train(candles, new TripleBarrier(takeProfit, stopLoss, holding), share,
                        parameters);
            } catch (IllegalArgumentException e) {  // too few rows for the split
                err.println(NAME + ": " + e.getMessage());
                return 1;
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("model.txt"), trained.modelText(), StandardCharsets.UTF_8);
            Map<String, Object> report = TrainingReportJson.of(trained.report());
            Files.writeString(dir.resolve("report.json"), json.writeValueAsString(report), StandardCharsets.UTF_8);
            out.printf(Locale.ROOT, "%d train rows, %d validation rows; train AUC %s, validation AUC %s%n",
                    trained.report().trainRows(), trained.report().validationRows(), report.get("trainAuc"),
                    report.get("validationAuc"));
            out.printf("wrote %s and %s%n", dir.resolve("model.txt"), dir.resolve("report.json"));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) {  // LightGBM failed
            err.println(NAME + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println(NAME + ": cannot write the output: " + e.getMessage());
            return 2;
        }
    }

    private static CandleSeries candles(String file) {
        try {
            return CandleLoader.load(Path.of(file)).series();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--data: no such file: " + file);
        } catch (IOException | CandleDataException e) {
            throw new IllegalArgumentException("--data: " + e.getMessage());
        }
    }

    private static TrainingParameters parameters(List<String> given, long seed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String g : given) {
            int eq = g.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--param: expected name=value, got '" + g + "'");
            if (values.put(g.substring(0, eq).strip(), g.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("--param " + g.substring(0, eq).strip() + ": given twice");
            }
        }
        try {
            return TrainingParams.of(values, seed);
        } catch (TrainingParams.BadParameter e) {
            throw new IllegalArgumentException("--param " + e.name() + ": " + e.getMessage());
        }
    }

    private static double fraction(CommandLine cl, String option) {
        double v = number(cl.required(option), option);
        if (!(v > 0 && v < 0.5)) throw new IllegalArgumentException(option + ": must be above 0 and below 0.5 (0.004 = 0.4 %)");
        return v;
    }

    private static double number(String v, String option) {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a number");
        }
    }

    private static int wholeNumber(String v, String option) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a whole number");
        }
    }
}
