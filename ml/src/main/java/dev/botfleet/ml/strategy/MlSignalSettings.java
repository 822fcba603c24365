package dev.botfleet.ml.strategy;

import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.math.BigDecimal;

import static dev.botfleet.ml.strategy.MlSignalDefinition.*;

/** One validated ml-signal config, read once (each reconfigure makes a new one). Times in milliseconds. */
record MlSignalSettings(String modelId, double threshold, BigDecimal capitalPerTrade, BigDecimal profitTarget,
                        BigDecimal stopLoss, long holdingMillis, long makerTimeoutMillis, int maxPositions,
                        long decisionMillis) {

    /** @param config validated by {@link MlSignalDefinition#definition()}; percents become fractions here */
    static MlSignalSettings from(StrategyConfig config) {
        return new MlSignalSettings(config.text(MODEL).strip(),
                config.decimal(CONFIDENCE_THRESHOLD).doubleValue(),
                config.decimal(CAPITAL_PER_TRADE),
                config.decimal(PROFIT_TARGET_PCT).movePointLeft(2),
                config.decimal(STOP_LOSS_PCT).movePointLeft(2),
                config.integer(HOLDING_TIME) * 1000,
                config.integer(MAKER_ORDER_TIMEOUT) * 1000,
                (int) config.integer(MAX_POSITIONS),
                config.integer(DECISION_INTERVAL) * 1000);
    }
}
