package dev.botfleet.server.market;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketConfigTest {
    @Test
    void aTickShardSizeBelowOneStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> new MarketConfig().marketDataHub(new BotTurns(), 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("botfleet.runtime.tick-shard-size must be at least 1, was 0");
    }

    @Test
    void aPositiveShardSizeMakesTheHub() {
        assertThat(new MarketConfig().marketDataHub(new BotTurns(), 8, true)).isNotNull();
    }
}
