package dev.botfleet.server.backtest.portfolio;

import dev.botfleet.engine.backtest.freqtrade.FreqtradeSettings;
import dev.botfleet.engine.backtest.freqtrade.OrderType;
import dev.botfleet.engine.backtest.freqtrade.TradingMode;
import dev.botfleet.server.backtest.config.FreqtradeConfig;
import dev.botfleet.server.backtest.config.FreqtradeConfigParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every config key the engine models reaches FreqtradeSettings; keys left to the strategy get neutral values. */
class EngineSettingsTest {
    private static FreqtradeConfig parse(String json) {
        return FreqtradeConfigParser.parse(JsonMapper.builder().build().readTree(json), "config.json");
    }

    @Test
    void everyModelledKeyIsCarriedOver() {
        FreqtradeConfig c = parse("""
                {"stake_currency": "USDT", "stake_amount": 25, "max_open_trades": 3, "dry_run_wallet": 500,
                 "tradable_balance_ratio": 0.9, "fee": 0.002, "stoploss": -0.05,
                 "minimal_roi": {"0": 0.04, "30": 0.02},
                 "trailing_stop": true, "trailing_stop_positive": 0.01, "trailing_stop_positive_offset": 0.02,
                 "trailing_only_offset_is_reached": true,
                 "use_exit_signal": false, "exit_profit_only": true, "exit_profit_offset": 0.003,
                 "ignore_roi_if_entry_signal": true,
                 "unfilledtimeout": {"entry": 10, "exit": 30, "unit": "seconds"},
                 "order_types": {"entry": "market", "exit": "limit"},
                 "position_adjustment_enable": true, "max_entry_position_adjustment": 2,
                 "trading_mode": "futures", "margin_mode": "isolated",
                 "timeframe": "5m", "exchange": {"pair_whitelist": ["BTC/USDT:USDT"]}, "strategy": "rsi"}
                """);
        FreqtradeSettings s = EngineSettings.of(c, 20);
        assertThat(s.stakeAmount()).isEqualTo(25);
        assertThat(s.unlimitedStake()).isFalse();
        assertThat(s.maxOpenTrades()).isEqualTo(3);
        assertThat(s.startingBalance()).isEqualTo(500);
        assertThat(s.tradableBalanceRatio()).isEqualTo(0.9);
        assertThat(s.fee()).isEqualTo(0.002);
        assertThat(s.stoploss()).isEqualTo(-0.05);
        assertThat(s.minimalRoi().steps()).isEqualTo(Map.of(0, 0.04, 30, 0.02));
        assertThat(s.trailingStop()).isTrue();
        assertThat(s.trailingStopPositive()).isEqualTo(0.01);
        assertThat(s.trailingStopPositiveOffset()).isEqualTo(0.02);
        assertThat(s.trailingOnlyOffsetIsReached()).isTrue();
        assertThat(s.useExitSignal()).isFalse();
        assertThat(s.exitProfitOnly()).isTrue();
        assertThat(s.exitProfitOffset()).isEqualTo(0.003);
        assertThat(s.ignoreRoiIfEntrySignal()).isTrue();
        assertThat(s.entryTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.exitTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.entryOrderType()).isEqualTo(OrderType.MARKET);
        assertThat(s.exitOrderType()).isEqualTo(OrderType.LIMIT);
        assertThat(s.positionAdjustmentEnable()).isTrue();
        assertThat(s.maxEntryPositionAdjustment()).isEqualTo(2);
        assertThat(s.tradingMode()).isEqualTo(TradingMode.FUTURES);
        assertThat(s.startupCandleCount()).isEqualTo(20);
        assertThat(s.priceTick()).isEqualByComparingTo(new BigDecimal("0.00000001"));
        assertThat(EngineSettings.defaultsNotes(c)).anyMatch(n -> n.startsWith("trading_mode futures"));
    }

    @Test
    void unlimitedStakeMinutesAndKeysLeftToTheStrategy() {
        FreqtradeConfig c = parse("""
                {"stake_currency": "BTC", "stake_amount": "unlimited", "max_open_trades": 2,
                 "unfilledtimeout": {"entry": 10, "exit": 30},
                 "timeframe": "5m", "exchange": {"pair_whitelist": ["LTC/BTC"]}, "strategy": "rsi"}
                """);
        FreqtradeSettings s = EngineSettings.of(c, 0);
        assertThat(s.unlimitedStake()).isTrue();
        assertThat(s.startingBalance()).isEqualTo(1000);          // Freqtrade's default dry_run_wallet
        assertThat(s.tradableBalanceRatio()).isEqualTo(0.99);     // and tradable_balance_ratio
        assertThat(s.entryTimeout()).isEqualTo(Duration.ofMinutes(10));  // minutes are the default unit
        assertThat(s.exitTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.fee()).isEqualTo(0.001);
        assertThat(s.stoploss()).isEqualTo(-1.0);
        assertThat(s.minimalRoi().steps()).isEmpty();
        assertThat(s.useExitSignal()).isTrue();
        assertThat(s.tradingMode()).isEqualTo(TradingMode.SPOT);
        assertThat(EngineSettings.defaultsNotes(c)).anyMatch(n -> n.startsWith("fee: not given"))
                .anyMatch(n -> n.startsWith("stoploss: not given")).anyMatch(n -> n.startsWith("minimal_roi: not given"));
    }
}
