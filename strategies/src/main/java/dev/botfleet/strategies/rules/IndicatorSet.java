package dev.botfleet.strategies.rules;

import dev.botfleet.engine.indicator.Adx;
import dev.botfleet.engine.indicator.Atr;
import dev.botfleet.engine.indicator.BollingerBands;
import dev.botfleet.engine.indicator.CandleIndicator;
import dev.botfleet.engine.indicator.Ema;
import dev.botfleet.engine.indicator.FastStochastic;
import dev.botfleet.engine.indicator.Indicator;
import dev.botfleet.engine.indicator.Macd;
import dev.botfleet.engine.indicator.Rsi;
import dev.botfleet.engine.indicator.Sma;
import dev.botfleet.engine.indicator.Stochastic;
import dev.botfleet.engine.indicator.ValueIndicator;
import dev.botfleet.engine.market.Candle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The indicators a rule tree reads, each built once however often the tree mentions it (keyed by kind and
 * parameters), and all updated once per candle before the tree is evaluated.
 */
final class IndicatorSet {
    /** Which input of the candle a value indicator is fed. */
    enum Source { CLOSE, VOLUME }

    private record Fed(Indicator indicator, Source source) {
    }

    private final Map<String, Fed> indicators = new LinkedHashMap<>();
    private Candle last;

    void update(Candle c) {
        last = c;
        for (Fed f : indicators.values()) {
            switch (f.indicator()) {
                case ValueIndicator v -> v.update(f.source() == Source.VOLUME ? c.volume() : c.close());
                case CandleIndicator ci -> ci.update(c.high(), c.low(), c.close());
                default -> throw new IllegalStateException("unfed indicator " + f.indicator());
            }
        }
    }

    /** Every indicator a rule asked for (the warm-up waits for all of them). */
    java.util.List<Indicator> all() {
        return indicators.values().stream().map(Fed::indicator).toList();
    }

    /**
     * Each indicator's main output under its key, e.g. {@code rsi(14)}, {@code sma(20) of volume}: the backtest's
     * indicator columns. Multi-line indicators (macd, bollinger, stochastic) report their main line only.
     */
    void report(Map<String, Double> out) {
        indicators.forEach((key, fed) -> out.put(key.endsWith("@CLOSE") ? key.substring(0, key.length() - 6)
                : key.replace("@VOLUME", " of volume"), fed.indicator().value()));
    }

    double close() { return last == null ? Double.NaN : last.close(); }

    double volume() { return last == null ? Double.NaN : last.volume(); }

    @SuppressWarnings("unchecked")
    private <T extends Indicator> T get(String key, Source source, Supplier<T> make) {
        return (T) indicators.computeIfAbsent(key + "@" + source, k -> new Fed(make.get(), source)).indicator();
    }

    Rsi rsi(int period) { return get("rsi(" + period + ")", Source.CLOSE, () -> new Rsi(period)); }

    Sma sma(int period, Source source) { return get("sma(" + period + ")", source, () -> new Sma(period)); }

    Ema ema(int period, Source source) { return get("ema(" + period + ")", source, () -> new Ema(period)); }

    Macd macd(int fast, int slow, int signal) {
        return get("macd(" + fast + "," + slow + "," + signal + ")", Source.CLOSE, () -> new Macd(fast, slow, signal));
    }

    BollingerBands bollinger(int period, double deviations) {
        return get("bb(" + period + "," + deviations + ")", Source.CLOSE, () -> new BollingerBands(period, deviations));
    }

    Adx adx(int period) { return get("adx(" + period + ")", Source.CLOSE, () -> new Adx(period)); }

    Atr atr(int period) { return get("atr(" + period + ")", Source.CLOSE, () -> new Atr(period)); }

    Stochastic stochastic(int k, int smoothing, int d) {
        return get("stoch(" + k + "," + smoothing + "," + d + ")", Source.CLOSE, () -> new Stochastic(k, smoothing, d));
    }

    FastStochastic fastStochastic(int k, int d) {
        return get("fstoch(" + k + "," + d + ")", Source.CLOSE, () -> new FastStochastic(k, d));
    }
}
