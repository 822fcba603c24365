package dev.botfleet.engine.backtest.freqtrade.protections;

import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.config;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad protection entries are refused naming protections[i].key; Freqtrade's documented examples are accepted. */
class ProtectionConfigTest {

    private static void refused(ProtectionConfig c, String message) {
        assertThatThrownBy(() -> c.validate(1)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void freqtradesFullDocumentedExampleIsAccepted() {
        List<ProtectionConfig> docs = List.of(
                config("CooldownPeriod", "stop_duration_candles", 5),
                config("MaxDrawdown", "lookback_period_candles", 48, "trade_limit", 20, "stop_duration_candles", 4,
                        "max_allowed_drawdown", 0.2),
                config("StoplossGuard", "lookback_period_candles", 24, "trade_limit", 4, "stop_duration_candles", 2,
                        "only_per_pair", false),
                config("LowProfitPairs", "lookback_period_candles", 6, "trade_limit", 2, "stop_duration_candles", 60,
                        "required_profit", 0.02),
                config("StoplossGuard", "lookback_period_candles", 24, "trade_limit", 4, "stop_duration_candles", 4,
                        "required_profit", 0.0, "only_per_pair", false, "only_per_side", false),
                config("CooldownPeriod", "unlock_at", "7:5"));

        assertThatCode(() -> new ProtectionManager(docs, 60, 1000)).doesNotThrowAnyException();
    }

    @Test
    void unknownMethodsAndParametersAreNamed() {
        refused(config("Cooldown"), "protections[1].method \"Cooldown\" is not a protection; expected one of"
                + " CooldownPeriod, StoplossGuard, MaxDrawdown, LowProfitPairs");
        refused(config("CooldownPeriod", "trade_limit", 2), "protections[1].trade_limit is not a parameter of"
                + " CooldownPeriod (it locks after every exit) (its parameters: lookback_period,"
                + " lookback_period_candles, stop_duration, stop_duration_candles, unlock_at)");
        refused(config("StoplossGuard", "stop_duraton", 2), "protections[1].stop_duraton is not a parameter of"
                + " StoplossGuard (its parameters: lookback_period, lookback_period_candles, only_per_pair,"
                + " only_per_side, required_profit, stop_duration, stop_duration_candles, trade_limit, unlock_at)");
        refused(config("StoplossGuard", "method", "StoplossGuard"),
                "protections[1] gives method twice: pass it as ProtectionConfig.method only, not in params");
    }

    @Test
    void keysFreqtrade2024_10IgnoresOrLacksAreRefusedWithTheReason() {
        assertThatThrownBy(() -> config("MaxDrawdown", "calculation_mode", "equity").validate(0))
                .hasMessageStartingWith("protections[0].calculation_mode is not a parameter of MaxDrawdown in"
                        + " Freqtrade 2024.10, which this port follows");
        assertThatThrownBy(() -> config("LowProfitPairs", "only_per_pair", false).validate(0))
                .hasMessageStartingWith("protections[0].only_per_pair is not a parameter of LowProfitPairs"
                        + " (Freqtrade ignores it there");
    }

    @Test
    void conflictingDurationsAreRefusedAsFreqtradeRefusesThem() {
        refused(config("StoplossGuard", "stop_duration", 10, "stop_duration_candles", 10),
                "protections[1] sets both stop_duration and stop_duration_candles; use one");
        refused(config("StoplossGuard", "lookback_period", 2000, "lookback_period_candles", 20),
                "protections[1] sets both lookback_period and lookback_period_candles; use one");
        refused(config("StoplossGuard", "unlock_at", "20:02", "stop_duration", 10),
                "protections[1] sets unlock_at together with stop_duration or stop_duration_candles; use one");
    }

    @Test
    void valuesOfTheWrongTypeOrRangeAreNamed() {
        refused(config("CooldownPeriod", "stop_duration_candles", 2.5),
                "protections[1].stop_duration_candles must be a positive whole number, was 2.5");
        refused(config("CooldownPeriod", "stop_duration_candles", 0),
                "protections[1].stop_duration_candles must be a positive whole number, was 0");
        refused(config("CooldownPeriod", "stop_duration_candles", "2"),
                "protections[1].stop_duration_candles must be a positive whole number, was \"2\"");
        refused(config("CooldownPeriod", "stop_duration", 2.5),
                "protections[1].stop_duration must be a whole number of minutes >= 0, was 2.5");
        refused(config("CooldownPeriod", "lookback_period", 0),
                "protections[1].lookback_period must be a positive whole number of minutes, was 0");
        refused(config("LowProfitPairs", "lookback_period_candles", -3),
                "protections[1].lookback_period_candles must be a positive whole number, was -3");
        refused(config("StoplossGuard", "trade_limit", 0),
                "protections[1].trade_limit must be a positive whole number, was 0");
        refused(config("StoplossGuard", "only_per_pair", "yes"),
                "protections[1].only_per_pair must be true or false, was \"yes\"");
        refused(config("LowProfitPairs", "required_profit", "2%"),
                "protections[1].required_profit must be a number, was \"2%\"");
        refused(config("MaxDrawdown", "max_allowed_drawdown", -0.1),
                "protections[1].max_allowed_drawdown must be a number >= 0.0, was -0.1");
        refused(config("CooldownPeriod", "unlock_at", "55:102"),
                "protections[1].unlock_at must be a time of day \"HH:MM\" (24-hour, UTC), was \"55:102\"");
        refused(config("CooldownPeriod", "unlock_at", 5),
                "protections[1].unlock_at must be a string, was 5");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("trade_limit", null);
        refused(new ProtectionConfig("MaxDrawdown", withNull),
                "protections[1].trade_limit must be a positive whole number, was null");
    }

    @Test
    void theManagerNamesTheEntryByItsPositionInTheList() {
        List<ProtectionConfig> list = List.of(config("CooldownPeriod"),
                config("StoplossGuard", "stop_duration_candles", 1.5));

        assertThatThrownBy(() -> new ProtectionManager(list, 5, 1000))
                .hasMessage("protections[1].stop_duration_candles must be a positive whole number, was 1.5");
    }

    @Test
    void aClosedTradesStopLossFlagMustAgreeWithItsExitReason() {
        assertThatThrownBy(() -> new ClosedTrade("LTC/BTC", 0, 60_000, -0.1, -1, "exit_signal", true, false))
                .hasMessage("ClosedTrade LTC/BTC: isStopLoss=true disagrees with exitReason \"exit_signal\" (a stop"
                        + " loss is an exit reason in " + ClosedTrade.STOP_LOSS_REASONS + ")");
        assertThatCode(() -> new ClosedTrade("LTC/BTC", 0, 60_000, -0.1, -1, "trailing_stop_loss", true, false))
                .doesNotThrowAnyException();
    }
}
