package dev.botfleet.engine.backtest;

import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.market.Instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;

final class Fixtures {
    static final Instrument ADA_BTC = new Instrument("binance", "ADA/BTC", "ADA", "BTC", new BigDecimal("0.00000001"),
            new BigDecimal("1"), new BigDecimal("1"), BigDecimal.ZERO, new BigDecimal("0.001"), new BigDecimal("0.001"));
    static final Instrument TEST = new Instrument("sim", "TST/USD", "TST", "USD", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ZERO, new BigDecimal("0.001"), new BigDecimal("0.002"));

    private Fixtures() {
    }

    static CandleSeries candles(String file) {
        try {
            Path path = Path.of(Fixtures.class.getResource("/candles/" + file).toURI());
            return CandleLoader.load(path).series();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hand-built 1m candles from rows of {open, high, low, close}, starting at epoch 0, volume 1000 each. */
    static CandleSeries bars(double[]... rows) {
        CandleSeries.Builder b = new CandleSeries.Builder(Timeframe.M1, rows.length);
        for (int i = 0; i < rows.length; i++) {
            b.add(i * 60_000L, rows[i][0], rows[i][1], rows[i][2], rows[i][3], 1000);
        }
        return b.build();
    }
}
