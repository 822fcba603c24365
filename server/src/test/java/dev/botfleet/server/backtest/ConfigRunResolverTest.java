package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.config.ConfigProblem;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.ConfigRunResolver;
import dev.botfleet.server.backtest.config.FreqtradeConfigException;
import dev.botfleet.server.backtest.config.CandleFiles;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the command line and POST /backtests share after the config itself parsed: strategy, timeframe, data. */
class ConfigRunResolverTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final StrategyResolver catalog = new CatalogStrategies(new StrategyCatalog());

    private static Path datasets() throws URISyntaxException {
        return ShippedDatasets.directory();
    }

    @Test
    void strategyTimeframeAndDataDirectoryAreRequired() {
        FreqtradeConfigException e = catchThrowableOfType(FreqtradeConfigException.class, () -> ConfigRunResolver.resolve(
                JSON.readTree("{\"stake_currency\": \"BTC\", \"stake_amount\": 1, \"pairs\": [\"LTC/BTC\"]}"),
                "config.json", catalog, c -> null));
        assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("strategy", "timeframe");

        FreqtradeConfigException noDir = catchThrowableOfType(FreqtradeConfigException.class, () ->
                ConfigRunResolver.resolve(JSON.readTree("""
                        {"stake_currency": "BTC", "stake_amount": 1, "pairs": ["LTC/BTC"], "timeframe": "5m",
                         "strategy": "no-such-strategy"}"""), "config.json", catalog, c -> null));
        assertThat(noDir.problems()).extracting(ConfigProblem::path).containsExactly("strategy", "datadir");
    }

    @Test
    void theStrategysDefaultsAndTheDataTimeframeFillTheParameters() throws URISyntaxException {
        Path dir = datasets();
        ConfigRun run = ConfigRunResolver.resolve(JSON.readTree("""
                {"stake_currency": "BTC", "stake_amount": 1, "pairs": ["LTC/BTC"], "timeframe": "5m",
                 "startup_candle_count": 20, "timerange": "20180120-", "strategy": "rsi"}"""), "config.json", catalog,
                c -> CandleFiles.directory(dir));
        assertThat(run.strategy().name()).isEqualTo("rsi");
        assertThat(run.params()).containsEntry("timeframe", "5m");
        // LTC_BTC-5m.json ends at 1517287800000; from 2018-01-20 00:00 (1516406400000) that is
        // (1517287800000 - 1516406400000) / 300000 + 1 = 2939 candles, plus 20 warm-up = 2959
        assertThat(run.pairs().pairs().getFirst().candles().size()).isEqualTo(2959);
        assertThat(run.pairs().startupCandles()).isEqualTo(20);
    }
}
