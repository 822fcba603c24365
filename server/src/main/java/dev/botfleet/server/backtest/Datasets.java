package dev.botfleet.server.backtest;

import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The candle files the server ships for backtests ({@code classpath:datasets/BASE_QUOTE-timeframe.json}), loaded once
 * at first use: nine 20-day 5m Binance series of BTC-quoted pairs (48 bytes per candle in memory).
 */
@Component
public class Datasets {
    private static final Pattern NAME = Pattern.compile("([A-Z0-9]+)_([A-Z0-9]+)-([0-9]+[mhdw])\\.json");

    /** @param id the file name without ".json", e.g. "LTC_BTC-5m" */
    public record Dataset(String id, String symbol, String timeframe, int candles, Instant from, Instant to,
                          CandleSeries series) {
    }

    private volatile Map<String, Dataset> byId;

    public List<Dataset> list() {
        return List.copyOf(all().values());
    }

    public Optional<Dataset> find(String id) {
        return Optional.ofNullable(all().get(id));
    }

    private Map<String, Dataset> all() {
        Map<String, Dataset> loaded = byId;
        if (loaded == null) {
            synchronized (this) {
                if (byId == null) byId = load();
                loaded = byId;
            }
        }
        return loaded;
    }

    private static Map<String, Dataset> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:datasets/*.json");
            List<Resource> sorted = new ArrayList<>(List.of(files));
            sorted.sort(Comparator.comparing(Resource::getFilename));
            Map<String, Dataset> out = new LinkedHashMap<>();
            for (Resource r : sorted) {
                Matcher m = NAME.matcher(r.getFilename());
                if (!m.matches()) continue;
                String content = r.getContentAsString(StandardCharsets.UTF_8);
                CandleSeries s = CandleLoader.parse(r.getFilename(), content, null, null).series();
                String id = r.getFilename().substring(0, r.getFilename().length() - ".json".length());
                out.put(id, new Dataset(id, m.group(1) + "/" + m.group(2), s.timeframe().code(), s.size(),
                        Instant.ofEpochMilli(s.openTime(0)), Instant.ofEpochMilli(s.closeTime(s.size() - 1)), s));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped datasets", e);
        }
    }
}
