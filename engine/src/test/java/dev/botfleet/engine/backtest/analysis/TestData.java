package dev.botfleet.engine.backtest.analysis;

import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Timeframe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Instruments and candles for the analysis tests. */
public final class TestData {
    /** Tick 0.01, lot 0.001, no minimum notional, fees 0.1 % / 0.2 %. */
    public static final Instrument TEST = new Instrument("sim", "TST/USD", "TST", "USD", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ZERO, new BigDecimal("0.001"),
            new BigDecimal("0.002"));
    public static final Instrument ADA_BTC = new Instrument("binance", "ADA/BTC", "ADA", "BTC",
            new BigDecimal("0.00000001"), new BigDecimal("1"), new BigDecimal("1"), BigDecimal.ZERO,
            new BigDecimal("0.001"), new BigDecimal("0.001"));

    private TestData() {
    }

    /** 1m candles with these closes (open = high = low = close), from epoch 0, volume 1000 each. */
    public static CandleSeries closes(double... closes) {
        CandleSeries.Builder b = new CandleSeries.Builder(Timeframe.M1, closes.length);
        for (int i = 0; i < closes.length; i++) b.add(i * 60_000L, closes[i], closes[i], closes[i], closes[i], 1000);
        return b.build();
    }

    /** Real Binance candles from the engine's test resources. */
    public static CandleSeries candles(String file) {
        try {
            return CandleLoader.load(Path.of(TestData.class.getResource("/candles/" + file).toURI())).series();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
