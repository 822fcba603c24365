package dev.botfleet.ml.strategy;

import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.util.List;

/**
 * The {@code ml-signal} strategy's parameters (seed 001, docs/strategies.md "ml-signal"). Every parameter is
 * live-editable: a running bot takes a new threshold, size, exit or model at its next turn (a new model is a hot swap).
 */
public final class MlSignalDefinition {
    public static final String ID = "ml-signal";
    public static final String MODEL = "model";
    public static final String CONFIDENCE_THRESHOLD = "confidence_threshold";
    public static final String CAPITAL_PER_TRADE = "capital_per_trade";
    public static final String PROFIT_TARGET_PCT = "profit_target_pct";
    public static final String STOP_LOSS_PCT = "stop_loss_pct";
    public static final String HOLDING_TIME = "holding_time";
    public static final String MAKER_ORDER_TIMEOUT = "maker_order_timeout";
    public static final String MAX_POSITIONS = "max_positions";
    public static final String DECISION_INTERVAL = "decision_interval";

    private MlSignalDefinition() {
    }

    public static StrategyDefinition definition() {
        return new StrategyDefinition(ID, "ML signal",
                "Builds 1-second candles from the market's trades, computes the seed-v1 features over the last 60 "
                        + "seconds every decision interval and asks a LightGBM model for the probability that the "
                        + "take profit comes first. At or above the confidence threshold it joins the bid with a "
                        + "limit buy (maker), cancelled after the maker timeout; a filled entry exits at the take "
                        + "profit (resting limit sell), the stop loss or the holding time (market sell).",
                List.of(
                        ParameterDefinition.text(MODEL).required()
                                .description("The model: the id of one of your registered models (Models page). A "
                                        + "new id on a running bot swaps the model at its next turn.")
                                .liveEditable().build(),
                        ParameterDefinition.decimal(CONFIDENCE_THRESHOLD).min("0").max("1").step("0.01")
                                .defaultValue("0.6")
                                .description("Enter when the model's confidence is at or above this (0 to 1).")
                                .liveEditable().build(),
                        ParameterDefinition.decimal(CAPITAL_PER_TRADE).greaterThan("0").defaultValue("100")
                                .unit("quote")
                                .description("Value of each entry in the quote currency; the quantity is rounded "
                                        + "down to the lot size.").liveEditable().build(),
                        ParameterDefinition.decimal(PROFIT_TARGET_PCT).greaterThan("0").max("100").step("0.01")
                                .defaultValue("0.4").unit("%")
                                .description("Take profit: a limit sell this percent above the entry fill (0.4 = "
                                        + "0.4 %). Applies to entries filled after a change.").liveEditable().build(),
                        ParameterDefinition.decimal(STOP_LOSS_PCT).greaterThan("0").max("100").step("0.01")
                                .defaultValue("0.4").unit("%")
                                .description("Stop loss: sell at market when a trade prints this percent below the "
                                        + "entry fill.").liveEditable().build(),
                        ParameterDefinition.integer(HOLDING_TIME).min("1").max("86400").defaultValue(30L).unit("s")
                                .description("Sell at market when a position has been held this long without "
                                        + "reaching the take profit or the stop loss.").liveEditable().build(),
                        ParameterDefinition.integer(MAKER_ORDER_TIMEOUT).min("1").max("3600").defaultValue(60L)
                                .unit("s")
                                .description("Cancel an entry order not filled within this time.")
                                .liveEditable().build(),
                        ParameterDefinition.integer(MAX_POSITIONS).min("1").max("20").defaultValue(1L)
                                .description("Most entries at once, pending and filled together.")
                                .liveEditable().build(),
                        ParameterDefinition.integer(DECISION_INTERVAL).min("1").max("3600").defaultValue(2L).unit("s")
                                .description("Seconds between two decisions (features + model), on a grid aligned "
                                        + "to the epoch.").liveEditable().build()),
                List.of(config -> {
                    String model = config.text(MODEL);
                    if (model != null && model.isBlank()) {
                        return List.of(new ParameterViolation(MODEL, "must name a model (its id)", model));
                    }
                    return List.of();
                }));
    }
}
