package dev.botfleet.engine.backtest.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.backtest.report.ReportFixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-trade export: Freqtrade's keys, order, date format and number precision. */
class FreqtradeExportTest {

    private static final List<String> FREQTRADE_COLUMNS = List.of("pair", "stake_amount", "max_stake_amount",
            "amount", "open_date", "close_date", "open_rate", "close_rate", "fee_open", "fee_close", "trade_duration",
            "profit_ratio", "profit_abs", "exit_reason", "initial_stop_loss_abs", "initial_stop_loss_ratio",
            "stop_loss_abs", "stop_loss_ratio", "min_rate", "max_rate", "is_open", "enter_tag", "leverage",
            "is_short", "open_timestamp", "close_timestamp", "orders");
    /** Two fields of Freqtrade's Trade.to_json that its backtest columns lack, after them. */
    private static final List<String> FUTURES_COLUMNS = List.of("funding_fees", "liquidation_price");

    private static ReportTrade detailed() {
        // A trade from Freqtrade's own test data (TRX/BTC, ROI exit after 5 minutes), with its orders.
        long open = ms("2018-01-10T07:15:00Z");
        long close = ms("2018-01-10T07:20:00Z");
        return new ReportTrade("TRX/BTC", open, close, 9.64e-05, 0.00010074887218045112, 10.37344398340249, 0.001,
                0.001, 0.0025, 0.0025, 0.03990025, 4.5112781954887056e-05, "roi", "fast", false, 1.0, 9.64e-05,
                0.00010074887218045112, 8.676e-05, -0.1, 8.676e-05, -0.1,
                List.of(new ReportOrder(10.37344398340249, 9.64e-05, "buy", open, true, "fast"),
                        new ReportOrder(10.37344398340249, 0.00010074887218045112, "sell", close, false, "roi")));
    }

    @Test
    void keysInFreqtradesOrder() {
        List<String> expected = new java.util.ArrayList<>(FREQTRADE_COLUMNS);
        expected.addAll(FUTURES_COLUMNS);
        assertThat(FreqtradeExport.trade(detailed()).keySet()).containsExactlyElementsOf(expected);
    }

    @Test
    void aSpotTradeHasZeroFundingAndNoLiquidationPriceAFuturesTradeItsOwn() {
        Map<String, Object> spot = FreqtradeExport.trade(detailed());
        assertThat(spot.get("funding_fees")).isEqualTo(new BigDecimal("0.0"));
        assertThat(spot.get("liquidation_price")).isNull();

        ReportTrade d = detailed();
        ReportTrade futures = new ReportTrade(d.pair(), d.openTime(), d.closeTime(), d.openRate(), d.closeRate(),
                d.amount(), d.stakeAmount(), d.maxStakeAmount(), d.feeOpen(), d.feeClose(), d.profitRatio(),
                d.profitAbs(), d.exitReason(), d.enterTag(), d.isShort(), 3.0, d.minRate(), d.maxRate(),
                d.initialStopLossAbs(), d.initialStopLossRatio(), d.stopLossAbs(), d.stopLossRatio(), d.orders(),
                -0.22, 6.5e-05);
        Map<String, Object> row = FreqtradeExport.trade(futures);
        assertThat(row.get("funding_fees")).isEqualTo(new BigDecimal("-0.22"));
        assertThat(row.get("liquidation_price")).isEqualTo(new BigDecimal("6.5E-5"));
    }

    @Test
    void valuesKeepFullPrecision() {
        Map<String, Object> row = FreqtradeExport.trade(detailed());
        assertThat(row.get("pair")).isEqualTo("TRX/BTC");
        // Freqtrade's export of this trade: "open_date": "2018-01-10 07:15:00+00:00", "trade_duration": 5
        assertThat(row.get("open_date")).isEqualTo("2018-01-10 07:15:00+00:00");
        assertThat(row.get("close_date")).isEqualTo("2018-01-10 07:20:00+00:00");
        assertThat(row.get("trade_duration")).isEqualTo(5L);
        assertThat(row.get("open_timestamp")).isEqualTo(1515568500000L);
        assertThat(row.get("close_timestamp")).isEqualTo(1515568800000L);
        // Rates, ratios and profits are the doubles' shortest decimals, unrounded.
        assertThat(row.get("close_rate")).isEqualTo(new BigDecimal("0.00010074887218045112"));
        assertThat(row.get("open_rate")).isEqualTo(new BigDecimal("9.64E-5"));
        assertThat(row.get("profit_ratio")).isEqualTo(new BigDecimal("0.03990025"));
        assertThat(row.get("profit_abs")).isEqualTo(new BigDecimal("4.5112781954887056E-5"));
        assertThat(row.get("max_rate")).isEqualTo(new BigDecimal("0.00010074887218045112"));
        assertThat(row.get("fee_open")).isEqualTo(new BigDecimal("0.0025"));
        // Freqtrade's Trade.to_json rounds amount and stakes to 8 decimals: 10.37344398340249 → 10.37344398
        assertThat(row.get("amount")).isEqualTo(new BigDecimal("10.37344398"));
        assertThat(row.get("stake_amount")).isEqualTo(new BigDecimal("0.001"));
        assertThat(row.get("initial_stop_loss_abs")).isEqualTo(new BigDecimal("8.676E-5"));
        assertThat(row.get("stop_loss_ratio")).isEqualTo(new BigDecimal("-0.1"));
        assertThat(row.get("is_open")).isEqualTo(false);
        assertThat(row.get("is_short")).isEqualTo(false);
        assertThat(row.get("enter_tag")).isEqualTo("fast");
        assertThat(row.get("leverage")).isEqualTo(new BigDecimal("1.0"));
    }

    @Test
    void ordersAsFreqtradesMinifiedOrders() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> orders = (List<Map<String, Object>>) FreqtradeExport.trade(detailed()).get("orders");
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).keySet()).containsExactly("amount", "safe_price", "ft_order_side",
                "order_filled_timestamp", "ft_is_entry", "ft_order_tag");
        assertThat(orders.get(1).get("ft_order_side")).isEqualTo("sell");
        assertThat(orders.get(1).get("ft_is_entry")).isEqualTo(false);
        assertThat(orders.get(1).get("safe_price")).isEqualTo(new BigDecimal("0.00010074887218045112"));
        assertThat(orders.get(1).get("ft_order_tag")).isEqualTo("roi");
    }

    @Test
    void missingOptionalFieldsAreNullAndOrdersEmpty() {
        Map<String, Object> row = FreqtradeExport.trade(ReportFixtures.portfolio().getFirst());
        assertThat(row.get("initial_stop_loss_abs")).isNull();
        assertThat(row.get("stop_loss_ratio")).isNull();
        assertThat(row.get("orders")).isEqualTo(List.of());
        assertThat(row).containsEntry("enter_tag", "a");
    }

    @Test
    void fractionalSecondsPrintAsPandasDoes() {
        assertThat(FreqtradeExport.date(ms("2024-01-01T00:00:00.250Z"))).isEqualTo("2024-01-01 00:00:00.250000+00:00");
    }

    @Test
    void exportsEveryTradeInOrder() {
        assertThat(FreqtradeExport.trades(ReportFixtures.portfolio())).extracting(m -> m.get("profit_abs"))
                .containsExactly(new BigDecimal("20.0"), new BigDecimal("-10.0"), new BigDecimal("-30.0"),
                        new BigDecimal("50.0"), new BigDecimal("0.0"));
    }

    @Test
    void orderSideIsChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReportOrder(1, 1, "long", 0, true, null))
                .hasMessageContaining("order side must be \"buy\" or \"sell\"");
    }
}
