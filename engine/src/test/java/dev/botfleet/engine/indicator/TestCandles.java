package dev.botfleet.engine.indicator;

import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The real candles of the test resources as plain columns, read independently of the engine's loaders so a loader bug
 * cannot hide an indicator bug. {@code scale} multiplies prices (1e8 turns BTC-quoted prices into satoshis).
 */
record TestCandles(String name, double[] open, double[] high, double[] low, double[] close, double[] volume) {

    static final String[] FILES = {"ADA_BTC-5m.json", "TRX_BTC-5m.json", "DASH_BTC-5m.json", "NXT_BTC-5m.json"};

    static TestCandles load(String file, double scale) {
        String text;
        try (InputStream in = TestCandles.class.getResourceAsStream("/candles/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = text.strip();
        body = body.substring(2, body.length() - 2); // drop the outer "[[" and "]]"
        String[] rows = body.split("\\],\\s*\\[");
        int n = rows.length;
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = rows[i].split(",");
            o[i] = Double.parseDouble(f[1].strip()) * scale;
            h[i] = Double.parseDouble(f[2].strip()) * scale;
            l[i] = Double.parseDouble(f[3].strip()) * scale;
            c[i] = Double.parseDouble(f[4].strip()) * scale;
            v[i] = Double.parseDouble(f[5].strip());
        }
        return new TestCandles(file + (scale == 1 ? "" : " x" + scale), o, h, l, c, v);
    }

    /**
     * The same file through the engine's loader, gaps filled the Freqtrade way (flat candles, volume 0): the series
     * indicators see in a backtest, with long flat stretches that exercise zero ranges and zero changes.
     */
    static TestCandles loadFilled(String file, double scale) {
        try {
            CandleSeries s = CandleLoader.load(Path.of(TestCandles.class.getResource("/candles/" + file).toURI()))
                    .series();
            return new TestCandles(file + " gaps filled" + (scale == 1 ? "" : " x" + scale), scaled(s.opens(), scale),
                    scaled(s.highs(), scale), scaled(s.lows(), scale), scaled(s.closes(), scale), s.volumes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] scaled(double[] values, double scale) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return values;
    }

    int size() {
        return close.length;
    }
}
