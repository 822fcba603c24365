package dev.botfleet.server.backtest;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The directory of the datasets the server ships (Freqtrade's data layout): what config tests give as --datadir. */
final class ShippedDatasets {
    private ShippedDatasets() {
    }

    static Path directory() {
        try {
            return Path.of(ShippedDatasets.class.getResource("/datasets/LTC_BTC-5m.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
