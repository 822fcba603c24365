package dev.botfleet.engine.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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

    int size() {
        return close.length;
    }
}
