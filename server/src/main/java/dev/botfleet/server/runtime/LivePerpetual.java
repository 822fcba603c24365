package dev.botfleet.server.runtime;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.VenuePosition;
import dev.botfleet.exchanges.live.AccountSession;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.common.ApiException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a LIVE bot on a perpetual needs from its venue beyond orders: its leverage and margin mode set before the first
 * order, its journaled position checked against the venue's at every start, the venue's liquidation price, and the
 * funding the venue settled booked into its PnL.
 */
final class LivePerpetual {
    /** Activity lines of one bot. */
    interface Log {
        void write(LogLevel level, String message);
    }

    private LivePerpetual() {
    }

    /** Before the first order: the venue holds the bot's leverage. A refusal stops the start in the venue's words. */
    static void setLeverage(Bot bot, AccountSession account, VenueInstrument instrument, MarginSettings margin) {
        try {
            account.client().setLeverage(instrument, margin.leverage(), margin.mode());
        } catch (VenueException e) {
            if (e.kind().isTransient()) throw new VenueNotReady(e.getMessage());
            throw new ApiException.Conflict("Cannot run bot '" + bot.name() + "' LIVE at "
                    + margin.leverage().stripTrailingZeros().toPlainString() + "x " + margin.mode() + ": " + e.getMessage());
        }
    }

    /**
     * At start, after the journal restored the kernel: the venue's position of this key in this market against what the
     * bot's own fills add up to. A difference (another bot or a manual trade on the same key, or a liquidation) is
     * reported, never "fixed" by trading; the venue's liquidation price is taken over.
     */
    static void reconcile(AccountSession account, VenueInstrument instrument, BotKernel kernel, Log log) {
        VenuePosition venue;
        try {
            venue = account.client().position(instrument);
        } catch (VenueException e) {
            log.write(LogLevel.WARNING, account.venue() + ": could not compare the position with the venue: " + e.getMessage());
            return;
        }
        kernel.onVenueLiquidationPrice(venue.liquidationPrice());
        BigDecimal ours = kernel.position().quantity();
        String base = instrument.instrument().baseAsset();
        if (venue.quantity().compareTo(ours) == 0) {
            if (!venue.isFlat()) {
                log.write(LogLevel.INFO, account.venue() + ": position " + plain(ours) + " " + base
                        + " matches the venue" + (venue.liquidationPrice() == null ? ""
                        : ", liquidation at " + plain(venue.liquidationPrice())));
            }
            return;
        }
        log.write(LogLevel.WARNING, account.venue() + ": the venue holds " + plain(venue.quantity()) + " " + base + " on "
                + instrument.symbol() + " for this key, this bot's fills add up to " + plain(ours) + " " + base
                + " (another bot or a manual trade on the same key, or a liquidation?). The bot trades on from its own"
                + " fills; close the difference on the venue if it is not meant to be there.");
    }

    /** Position updates from the user stream carry the venue's liquidation price to the running bot. */
    static Runnable watch(AccountSession account, VenueInstrument instrument, Supplier<BotRunner> runner) {
        return account.watchPosition(instrument.symbol(), p -> {
            BotRunner r = runner.get();
            if (r != null) r.send(new BotCommand.Inspect(k -> k.onVenueLiquidationPrice(p.liquidationPrice())));
        });
    }

    /**
     * Funding the venue settled since {@code since}, to be booked by the bot (the journal keeps one per fixing time, so
     * asking again is harmless). Only when the bot is the key's only bot: a venue settles funding on the key's whole
     * position, and a share of it cannot be told apart.
     */
    static List<FundingPayment> funding(AccountSession account, VenueInstrument instrument, Instant since, Log log) {
        if (account.bots() > 1) return List.of();
        try {
            return account.client().fundingPayments(instrument, since);
        } catch (VenueException e) {
            if (e.kind() == VenueException.Kind.UNSUPPORTED) return List.of();
            log.write(LogLevel.WARNING, account.venue() + ": funding not fetched: " + e.getMessage());
            return List.of();
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
