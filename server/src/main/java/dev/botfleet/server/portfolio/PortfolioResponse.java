package dev.botfleet.server.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GET /api/v1/portfolio. Money in {@code quote} is rounded half-even to 8 decimals for display (computed exactly
 * before); quantities and prices are as stored. A figure that cannot be valued is null with a reason, and the totals
 * name the assets they leave out in {@code unvalued}.
 *
 * @param from     start of the PnL and equity window (inclusive)
 * @param to       its end (exclusive for PnL, inclusive for equity)
 * @param timezone the zone the PnL days, weeks (Monday first) and months are cut in
 */
public record PortfolioResponse(String quote, Instant asOf, String timezone, Instant from, Instant to,
                                List<Account> accounts, String total, List<String> unvalued,
                                List<Exposure> exposure, Pnl pnl, Equity equity) {

    /**
     * A paper bot's simulated account or a live key's account at its venue.
     *
     * @param account the paper bot's name or the key's label
     * @param error   why the account could not be read (its balances are then empty)
     */
    public record Account(String exchange, String account, String mode, UUID botId, UUID credentialId,
                          List<BalanceLine> balances, List<PositionLine> positions, String total,
                          List<String> unvalued, String error) {
    }

    /** @param rate units of quote per unit of the asset (null with {@code reason} when no price reaches it) */
    public record BalanceLine(String asset, String free, String locked, String rate, String value, String reason) {
    }

    /**
     * An open position. {@code entry} and {@code mark} are in the symbol's quote asset; {@code unrealizedPnl} and
     * {@code value} (signed: quantity × mark) in the portfolio's quote.
     */
    public record PositionLine(UUID bot, String botName, String exchange, String symbol, String side, String quantity,
                               String entry, String mark, String unrealizedPnl, String value, String reason) {
    }

    /** @param share |value| over the sum of every asset's |value|, 4 decimals */
    public record Exposure(String asset, String value, String share, String reason) {
    }

    /** @param unvalued quote assets of bots whose PnL could not be converted (left out of the sums) */
    public record Pnl(List<Period> daily, List<Period> weekly, List<Period> monthly, List<String> unvalued) {
    }

    /** @param date the first day of the day, week (a Monday) or month */
    public record Period(LocalDate date, String realized) {
    }

    public record Equity(List<Point> total, Map<UUID, List<Point>> perBot, List<String> unvalued) {
    }

    public record Point(Instant time, String value) {
    }
}
