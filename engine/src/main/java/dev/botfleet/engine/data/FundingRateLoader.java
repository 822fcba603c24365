package dev.botfleet.engine.data;

import dev.botfleet.engine.backtest.FundingRates;
import dev.botfleet.engine.backtest.FundingRates.Fixing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads funding-rate history. Two forms: CSV lines {@code time,rate} (an optional header; time as epoch s/ms or
 * ISO-8601, rate as a fraction: 0.0001 = 0.01 %), or Freqtrade's {@code *-funding_rate.json}, an array of
 * {@code [ms, open, high, low, close, volume]} rows whose open is the rate. A refusal names the file and the line (or
 * row) and what is wrong with it; times must increase strictly.
 */
public final class FundingRateLoader {
    private FundingRateLoader() {
    }

    public static FundingRates parse(String source, String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("[") ? parseJson(source, trimmed) : parseCsv(source, text);
    }

    private static FundingRates parseCsv(String source, String text) {
        List<Fixing> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split(",");
            String where = "line " + (i + 1);
            if (out.isEmpty() && !Character.isDigit(cells[0].strip().isEmpty() ? 'x' : cells[0].strip().charAt(0))) {
                continue;  // a header such as "time,rate"
            }
            if (cells.length < 2) throw new CandleDataException(source, where, "expected time,rate");
            add(source, where, out, cells[0].strip(), cells[1].strip());
        }
        return new FundingRates(out);
    }

    private static FundingRates parseJson(String source, String text) {
        List<Fixing> out = new ArrayList<>();
        String body = text.substring(1, text.length() - 1).strip();
        if (body.isEmpty()) return FundingRates.NONE;
        int row = 0;
        for (String part : body.split("\\]\\s*,\\s*\\[")) {
            row++;
            String cells = part.replace("[", "").replace("]", "").strip();
            String[] values = cells.split(",");
            String where = "row " + row;
            if (values.length < 2) throw new CandleDataException(source, where, "expected [time, rate, ...]");
            add(source, where, out, values[0].strip().replace("\"", ""), values[1].strip());
        }
        return new FundingRates(out);
    }

    private static void add(String source, String where, List<Fixing> out, String timeText, String rateText) {
        long time;
        try {
            time = TimestampText.parse(timeText, 0, timeText.length());
        } catch (IllegalArgumentException e) {
            throw new CandleDataException(source, where, "time '" + timeText + "': " + e.getMessage());
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(rateText);
        } catch (NumberFormatException e) {
            throw new CandleDataException(source, where, "rate '" + rateText + "' is not a number");
        }
        if (rate.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw new CandleDataException(source, where, "rate " + rateText + " is not a fraction (0.0001 = 0.01 %)");
        }
        if (!out.isEmpty() && time <= out.getLast().time()) {
            throw new CandleDataException(source, where, "time " + timeText + " is not after the previous fixing");
        }
        out.add(new Fixing(time, rate));
    }
}
