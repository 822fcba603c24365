package dev.botfleet.server.ml;

import dev.botfleet.ml.training.Metrics;
import dev.botfleet.ml.training.TrainingReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TrainingReport} as JSON-ready maps: AUC or precision that is undefined (NaN: one class only, or no row over
 * a threshold) becomes {@code null}, since JSON has no NaN. The same shape for the API and the {@code train} command.
 */
public final class TrainingReportJson {
    private TrainingReportJson() {
    }

    public static Map<String, Object> of(TrainingReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("featureSet", r.featureSetId());
        out.put("parameters", r.parameters());
        out.put("iterations", r.iterations());
        out.put("trainRows", r.trainRows());
        out.put("validationRows", r.validationRows());
        out.put("trainPositiveRate", finite(r.trainPositiveRate()));
        out.put("validationPositiveRate", finite(r.validationPositiveRate()));
        out.put("trainAuc", finite(r.trainAuc()));
        out.put("validationAuc", finite(r.validationAuc()));
        List<Map<String, Object>> thresholds = r.validationThresholds().stream().map(TrainingReportJson::threshold).toList();
        out.put("validationThresholds", thresholds);
        out.put("featureImportance", r.featureImportance().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", f.feature());
            m.put("gain", finite(f.gain()));
            m.put("splits", f.splits());
            return m;
        }).toList());
        return out;
    }

    private static Map<String, Object> threshold(Metrics.ThresholdMetrics t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", t.threshold());
        m.put("predictedPositives", t.predictedPositives());
        m.put("precision", finite(t.precision()));
        m.put("recall", finite(t.recall()));
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
