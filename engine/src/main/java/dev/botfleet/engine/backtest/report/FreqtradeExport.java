package dev.botfleet.engine.backtest.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freqtrade's per-trade backtest export: one map per trade with the keys of Freqtrade's BT_DATA_COLUMNS, in that
 * order, then two fields of Freqtrade's trade JSON, {@code funding_fees} and {@code liquidation_price}; ready for a
 * JSON writer. Numbers are {@link BigDecimal}s holding each double's shortest decimal form (what Freqtrade's JSON
 * writer prints for a float), so rates keep full precision. As in Freqtrade's
 * {@code Trade.to_json}, amount, stake_amount and max_stake_amount are rounded to 8 decimals and nothing else is.
 * Dates are written as pandas prints a UTC timestamp ({@code 2018-01-10 07:15:00+00:00}), timestamps as epoch ms.
 */
public final class FreqtradeExport {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private FreqtradeExport() {
    }

    /** Every trade, in the given order (Freqtrade exports in close order). */
    public static List<Map<String, Object>> trades(List<ReportTrade> trades) {
        List<Map<String, Object>> rows = new ArrayList<>(trades.size());
        for (ReportTrade t : trades) {
            rows.add(trade(t));
        }
        return Collections.unmodifiableList(rows);
    }

    /** One trade's export row; missing optional stop-loss levels are null, missing orders an empty list. */
    public static Map<String, Object> trade(ReportTrade t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pair", t.pair());
        row.put("stake_amount", round8(t.stakeAmount()));
        row.put("max_stake_amount", t.maxStakeAmount() != 0 ? round8(t.maxStakeAmount()) : null);
        row.put("amount", round8(t.amount()));
        row.put("open_date", date(t.openTime()));
        row.put("close_date", date(t.closeTime()));
        row.put("open_rate", PyMath.exact(t.openRate()));
        row.put("close_rate", PyMath.exact(t.closeRate()));
        row.put("fee_open", PyMath.exact(t.feeOpen()));
        row.put("fee_close", PyMath.exact(t.feeClose()));
        row.put("trade_duration", t.durationMinutes());
        row.put("profit_ratio", PyMath.exact(t.profitRatio()));
        row.put("profit_abs", PyMath.exact(t.profitAbs()));
        row.put("exit_reason", t.exitReason());
        row.put("initial_stop_loss_abs", exactOrNull(t.initialStopLossAbs()));
        // Freqtrade writes a zero stop ratio as null ("... if self.initial_stop_loss_pct else None").
        row.put("initial_stop_loss_ratio", nonZeroOrNull(t.initialStopLossRatio()));
        row.put("stop_loss_abs", exactOrNull(t.stopLossAbs()));
        row.put("stop_loss_ratio", nonZeroOrNull(t.stopLossRatio()));
        row.put("min_rate", PyMath.exact(t.minRate()));
        row.put("max_rate", PyMath.exact(t.maxRate()));
        row.put("is_open", false);
        row.put("enter_tag", t.enterTag());
        row.put("leverage", PyMath.exact(t.leverage()));
        row.put("is_short", t.isShort());
        row.put("open_timestamp", t.openTime());
        row.put("close_timestamp", t.closeTime());
        row.put("orders", orders(t.orders()));
        // Not in Freqtrade 2024.10's backtest columns (BT_DATA_COLUMNS) but in its trade JSON (Trade.to_json), which
        // its API and FreqUI show: what funding added to (took from) the trade, and where it would be liquidated.
        row.put("funding_fees", PyMath.exact(t.fundingFees()));
        row.put("liquidation_price", exactOrNull(t.liquidationPrice()));
        return Collections.unmodifiableMap(row);
    }

    /**
     * A UTC time as pandas' {@code str(Timestamp)} prints it: seconds, then microseconds only when there are
     * fractions, then the offset ({@code 2018-01-10 07:15:00+00:00}, {@code 2018-01-10 07:15:00.250000+00:00}).
     */
    public static String date(long epochMs) {
        Instant instant = Instant.ofEpochMilli(epochMs);
        long millis = Math.floorMod(epochMs, 1000L);
        String fraction = millis == 0 ? "" : String.format(".%03d000", millis);
        return SECONDS.format(instant) + fraction + "+00:00";
    }

    private static List<Map<String, Object>> orders(List<ReportOrder> orders) {
        if (orders == null) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportOrder o : orders) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("amount", PyMath.exact(o.amount()));
            row.put("safe_price", PyMath.exact(o.safePrice()));
            row.put("ft_order_side", o.side());
            row.put("order_filled_timestamp", o.filledTimestamp());
            row.put("ft_is_entry", o.isEntry());
            row.put("ft_order_tag", o.tag());
            rows.add(Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableList(rows);
    }

    /** Python's round(x, 8) on a float, then the shortest decimal of the result. */
    private static BigDecimal round8(double value) {
        return PyMath.exact(PyMath.round(value, 8));
    }

    private static BigDecimal exactOrNull(Double value) {
        return value == null ? null : PyMath.exact(value);
    }

    private static BigDecimal nonZeroOrNull(Double value) {
        return value == null || value == 0 ? null : PyMath.exact(value);
    }
}
