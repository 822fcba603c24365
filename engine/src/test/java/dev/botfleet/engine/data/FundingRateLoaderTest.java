package dev.botfleet.engine.data;

import dev.botfleet.engine.backtest.FundingRates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundingRateLoaderTest {

    @Test
    void readsCsvWithAHeaderAndIsoOrEpochTimes() {
        FundingRates r = FundingRateLoader.parse("BTC-funding.csv", """
                time,rate
                2026-01-01T00:00:00Z,0.0001
                1767254400000,-0.00005
                """);
        assertThat(r.fixings()).hasSize(2);
        assertThat(r.fixings().get(0).time()).isEqualTo(1767225600000L);
        assertThat(r.fixings().get(1).rate()).isEqualByComparingTo("-0.00005");
    }

    @Test
    void readsFreqtradesFundingRateJsonWhoseOpenIsTheRate() {
        FundingRates r = FundingRateLoader.parse("BTC_USDT_USDT-8h-funding_rate.json",
                "[[1767225600000,0.0001,0.0001,0.0001,0.0001,0.0],[1767254400000,0.00012,0.00012,0.00012,0.00012,0.0]]");
        assertThat(r.fixings()).extracting(FundingRates.Fixing::time).containsExactly(1767225600000L, 1767254400000L);
        assertThat(r.fixings().get(1).rate()).isEqualByComparingTo("0.00012");
    }

    @Test
    void refusalsNameTheFileTheLineAndTheProblem() {
        assertThatThrownBy(() -> FundingRateLoader.parse("f.csv", "time,rate\n2026-01-01T00:00:00Z,0.0001\n2026-01-01T00:00:00Z,0.0002\n"))
                .hasMessage("f.csv: line 3: time 2026-01-01T00:00:00Z is not after the previous fixing");
        assertThatThrownBy(() -> FundingRateLoader.parse("f.csv", "1767225600000,1.5\n"))
                .hasMessage("f.csv: line 1: rate 1.5 is not a fraction (0.0001 = 0.01 %)");
        assertThatThrownBy(() -> FundingRateLoader.parse("f.csv", "1767225600000,abc\n"))
                .hasMessage("f.csv: line 1: rate 'abc' is not a number");
        assertThatThrownBy(() -> FundingRateLoader.parse("f.json", "[[1767225600000]]"))
                .hasMessage("f.json: row 1: expected [time, rate, ...]");
    }
}
