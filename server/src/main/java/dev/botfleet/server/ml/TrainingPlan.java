package dev.botfleet.server.ml;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.ml.labels.TripleBarrier;
import dev.botfleet.ml.training.TrainingParameters;
import dev.botfleet.server.backtest.Datasets;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.FieldViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A checked {@link TrainingRequest}: every wrong field is named at once, before a job is queued. */
record TrainingPlan(String name, String symbol, CandleSeries candles, TripleBarrier barrier, double validationShare,
                    TrainingParameters parameters) {
    static final double DEFAULT_VALIDATION_SHARE = 0.25;
    static final long DEFAULT_SEED = 42;
    static final int MAX_HOLDING_SECONDS = 3600;

    static TrainingPlan resolve(TrainingRequest r, Datasets datasets) {
        if (r == null) throw new ApiException.Invalid("body", "is required", null);
        List<FieldViolation> wrong = new ArrayList<>();
        Datasets.Dataset dataset = null;
        if (r.dataset() == null || r.dataset().isBlank()) {
            wrong.add(new FieldViolation("dataset", "is required (see GET /api/v1/backtests/datasets)", null));
        } else {
            dataset = datasets.find(r.dataset().strip()).orElse(null);
            if (dataset == null) {
                wrong.add(new FieldViolation("dataset", "is not a shipped dataset (see GET /api/v1/backtests/datasets)",
                        r.dataset()));
            }
        }
        ModelService.checkName(r.name(), wrong);
        String symbol = r.symbol() != null ? r.symbol() : dataset == null ? null : dataset.symbol();
        if (symbol != null) ModelService.checkSymbol(symbol, wrong);  // null: the dataset is already refused
        TripleBarrier barrier = barrier(r.labels(), wrong);
        double share = r.validationShare() == null ? DEFAULT_VALIDATION_SHARE : r.validationShare();
        if (!(share >= 0.05 && share <= 0.5)) {
            wrong.add(new FieldViolation("validationShare", "must be 0.05 to 0.5", r.validationShare()));
        }
        TrainingParameters parameters = null;
        try {
            parameters = TrainingParams.of(r.params(), r.seed() == null ? DEFAULT_SEED : r.seed());
        } catch (TrainingParams.BadParameter e) {
            wrong.add(new FieldViolation("params." + e.name(), e.getMessage(), null));
        }
        if (!wrong.isEmpty()) throw new ApiException.Invalid(wrong);
        return new TrainingPlan(r.name().strip(), symbol.strip().toUpperCase(Locale.ROOT), dataset.series(), barrier,
                share, parameters);
    }

    private static TripleBarrier barrier(TrainingRequest.Labels labels, List<FieldViolation> wrong) {
        if (labels == null) {
            wrong.add(new FieldViolation("labels", "is required: {takeProfit, stopLoss, holdingSeconds}", null));
            return null;
        }
        int before = wrong.size();
        fraction(labels.takeProfit(), "labels.takeProfit", wrong);
        fraction(labels.stopLoss(), "labels.stopLoss", wrong);
        Integer holding = labels.holdingSeconds();
        if (holding == null || holding < 1 || holding > MAX_HOLDING_SECONDS) {
            wrong.add(new FieldViolation("labels.holdingSeconds", "must be 1 to " + MAX_HOLDING_SECONDS, holding));
        }
        return wrong.size() > before ? null : new TripleBarrier(labels.takeProfit(), labels.stopLoss(), holding);
    }

    private static void fraction(Double value, String field, List<FieldViolation> wrong) {
        if (value == null || !(value > 0 && value < 0.5)) {
            wrong.add(new FieldViolation(field, "must be a fraction above 0 and below 0.5 (0.004 = 0.4 %)", value));
        }
    }
}
