package dev.botfleet.engine.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads comma-separated candles: the generic {@code timestamp,open,high,low,close,volume} (header optional; with a
 * header the columns are found by name, in any order, extra columns ignored) and Binance's public kline dumps (12
 * columns, open time in ms or µs, normally no header). Scans the text by hand: no regex, no split, no substring per
 * number.
 */
final class CsvCandleParser {
    static final int BINANCE_COLUMNS = 12;
    private static final List<String> TIME_NAMES = List.of("timestamp", "time", "date", "datetime", "open_time",
            "opentime", "open time", "ts");
    private static final String[] VALUE_NAMES = {"open", "high", "low", "close", "volume"};

    private final String source;
    private final String text;
    private final boolean binance;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int fields;

    private CsvCandleParser(String source, String text, boolean binance) {
        this.source = source;
        this.text = text;
        this.binance = binance;
    }

    static RawCandles parse(String source, String text, CandleFormat format) {
        return new CsvCandleParser(source, text, format == CandleFormat.BINANCE).parse();
    }

    /** True if the first non-blank line is not a header and has Binance's 12 columns. */
    static boolean looksLikeBinance(String text) {
        CsvCandleParser probe = new CsvCandleParser("", text, false);
        int pos = text.startsWith("\uFEFF") ? 1 : 0;
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            probe.split(pos, contentEnd(text, pos, end));
            if (probe.fields > 1 || probe.ends[0] > probe.starts[0]) {
                return !probe.isHeader() && probe.fields == BINANCE_COLUMNS;
            }
            pos = end + 1;
        }
        return false;
    }

    private RawCandles parse() {
        RawCandles candles = new RawCandles(source, RawCandles.Locator.LINE);
        // column positions: timestamp, open, high, low, close, volume
        int[] columns = {0, 1, 2, 3, 4, 5};
        int needed = binance ? BINANCE_COLUMNS : 6;
        boolean first = true;
        int line = 0;
        int pos = text.startsWith("\uFEFF") ? 1 : 0;
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            line++;
            split(pos, contentEnd(text, pos, end));
            pos = end + 1;
            if (fields == 1 && ends[0] == starts[0]) {
                continue; // blank line
            }
            if (first) {
                first = false;
                if (isHeader()) {
                    if (!binance) {
                        columns = mapHeader(candles, line);
                        needed = Arrays.stream(columns).max().orElseThrow() + 1;
                    }
                    continue;
                }
            }
            readRow(candles, line, columns, needed);
        }
        return candles;
    }

    private void readRow(RawCandles candles, int line, int[] columns, int needed) {
        if (binance ? fields != BINANCE_COLUMNS : fields < needed) {
            throw candles.error(line, binance
                    ? "expected 12 columns of a Binance kline dump (open time, open, high, low, close, volume, close"
                            + " time, quote volume, trades, taker buy base, taker buy quote, ignore), found " + fields
                    : "expected " + needed + " columns (timestamp,open,high,low,close,volume), found " + fields);
        }
        long time = timestamp(candles, line, columns[0]);
        double o = candles.number(text, starts[columns[1]], ends[columns[1]], "open", line);
        double h = candles.number(text, starts[columns[2]], ends[columns[2]], "high", line);
        double l = candles.number(text, starts[columns[3]], ends[columns[3]], "low", line);
        double c = candles.number(text, starts[columns[4]], ends[columns[4]], "close", line);
        double v = candles.number(text, starts[columns[5]], ends[columns[5]], "volume", line);
        candles.add(line, time, o, h, l, c, v);
    }

    private long timestamp(RawCandles candles, int line, int column) {
        int from = starts[column];
        int to = ends[column];
        if (from == to) {
            throw candles.error(line, (binance ? "open time" : "timestamp") + " is empty");
        }
        try {
            if (binance) {
                long whole = NumberText.parseWhole(text, from, to);
                if (whole < 1_000_000_000_000L) {
                    throw new IllegalArgumentException("open time '" + RawCandles.abbreviate(text.substring(from, to))
                            + "' is not epoch milliseconds or microseconds");
                }
                return TimestampText.fromEpochNumber(whole, text.substring(from, to));
            }
            return TimestampText.parse(text, from, to);
        } catch (IllegalArgumentException e) {
            throw candles.error(line, e.getMessage());
        }
    }

    /** A header line is one whose first field does not start with a digit (timestamps always do). */
    private boolean isHeader() {
        return starts[0] < ends[0] && !Character.isDigit(text.charAt(starts[0]));
    }

    private int[] mapHeader(RawCandles candles, int line) {
        int[] columns = new int[6];
        Arrays.fill(columns, -1);
        for (int f = 0; f < fields; f++) {
            String name = text.substring(starts[f], ends[f]).toLowerCase(Locale.ROOT);
            if (columns[0] < 0 && TIME_NAMES.contains(name)) {
                columns[0] = f;
            }
            for (int v = 0; v < VALUE_NAMES.length; v++) {
                if (columns[v + 1] < 0 && VALUE_NAMES[v].equals(name)) {
                    columns[v + 1] = f;
                }
            }
        }
        if (Arrays.stream(columns).anyMatch(c -> c < 0)) {
            throw candles.error(line, "header '" + RawCandles.abbreviate(text.substring(starts[0], ends[fields - 1]))
                    + "' must name a time column (" + String.join(", ", TIME_NAMES)
                    + ") and open, high, low, close, volume");
        }
        return columns;
    }

    /** Splits {@code [from, to)} at commas into trimmed, unquoted field bounds. */
    private void split(int from, int to) {
        fields = 0;
        int start = from;
        while (true) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 || comma >= to ? to : comma;
            addField(start, end);
            if (end == to) {
                return;
            }
            start = end + 1;
        }
    }

    private void addField(int from, int to) {
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to - from >= 2 && text.charAt(from) == '"' && text.charAt(to - 1) == '"') {
            from++;
            to--;
        }
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = from;
        ends[fields] = to;
        fields++;
    }

    private static int lineEnd(String text, int pos) {
        int newline = text.indexOf('\n', pos);
        return newline < 0 ? text.length() : newline;
    }

    private static int contentEnd(String text, int pos, int end) {
        return end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }
}
