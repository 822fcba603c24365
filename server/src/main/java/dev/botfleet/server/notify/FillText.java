package dev.botfleet.server.notify;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSide;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** A fill in plain words: "Bought 0.001 BTC at 50,000.00 on sim — bot X". */
public final class FillText {
    private FillText() {
    }

    public static String of(Fill fill, String botName) {
        String base = fill.symbol().contains("/") ? fill.symbol().substring(0, fill.symbol().indexOf('/')) : fill.symbol();
        return (fill.side() == OrderSide.BUY ? "Bought " : "Sold ") + plain(fill.quantity()) + " " + base + " at "
                + price(fill.price()) + " on " + fill.exchange() + " — bot " + botName;
    }

    /** Two decimals at least (grouped thousands), more only when the price has them (small coins). */
    static String price(BigDecimal p) {
        return new DecimalFormat("#,##0.00##########", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(p);
    }

    private static String plain(BigDecimal q) {
        return q.stripTrailingZeros().toPlainString();
    }
}
