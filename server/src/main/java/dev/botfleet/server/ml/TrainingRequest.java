package dev.botfleet.server.ml;

import java.util.Map;

/**
 * POST /api/v1/models/train (docs/api/ml.md "Models").
 *
 * @param symbol          optional: the dataset's symbol when absent
 * @param dataset         a shipped dataset id (GET /api/v1/backtests/datasets), e.g. {@code LTC_BTC-5m}
 * @param validationShare the last share of rows that validate (default 0.25)
 * @param seed            LightGBM's seed (default 42): the same request trains the same model
 * @param params          LightGBM parameters by their names over the defaults (docs/ml.md "Training")
 */
public record TrainingRequest(String name, String symbol, String dataset, Labels labels, Double validationShare,
                              Long seed, Map<String, Object> params) {

    /** The triple barrier: fractions, and the holding time in 1-second candles. */
    public record Labels(Double takeProfit, Double stopLoss, Integer holdingSeconds) {
    }
}
