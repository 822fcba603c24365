package dev.botfleet.server.runtime;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.server.order.FundingRepository;
import dev.botfleet.engine.exchange.ExchangeConnector;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.live.AccountSession;
import dev.botfleet.exchanges.live.LivePort;
import dev.botfleet.exchanges.live.VenueAlarm;
import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.credential.CredentialService;
import dev.botfleet.server.credential.ExchangeSecrets;
import dev.botfleet.server.venue.LiveAccounts;
import dev.botfleet.server.venue.VenueFeeds;
import dev.botfleet.server.venue.VenueRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What a bot on a real venue needs besides the kernel: the venue's market feed (paper and live), and for LIVE the
 * account session of its key and a {@link LivePort}. Each {@code open} hands back what to release when the bot ends.
 */
@Component
class VenueConnections {
    private final VenueRegistry venues;
    private final VenueFeeds feeds;
    private final LiveAccounts accounts;
    private final CredentialService credentials;
    private final ActivityLogService activity;
    private final Clock clock;
    private final FundingRepository funding;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    VenueConnections(VenueRegistry venues, VenueFeeds feeds, LiveAccounts accounts, CredentialService credentials,
                     ActivityLogService activity, Clock clock, FundingRepository funding,
                     @org.springframework.beans.factory.annotation.Value("${botfleet.live.funding-poll:10m}")
                     java.time.Duration fundingPoll) {
        this.fundingPoll = fundingPoll;
        this.funding = funding;
        this.venues = venues;
        this.feeds = feeds;
        this.accounts = accounts;
        this.credentials = credentials;
        this.activity = activity;
        this.clock = clock;
    }

    boolean isVenue(String exchange) { return venues.find(exchange).isPresent(); }

    /**
     * The bot's market as the venue lists it. Right after start the list may not be loaded yet: it is loaded now, and
     * if the venue does not answer the bot has to wait ({@link VenueNotReady}), unlike a market the venue does not list.
     */
    VenueInstrument instrument(Bot bot) {
        VenueRegistry.Entry entry = venues.find(bot.exchange()).orElseThrow();
        // Load now only if nobody has tried yet: a venue that already failed to answer is not asked again per bot
        // (the registry retries every minute), so many resuming bots do not each wait for its timeouts.
        if (!entry.instruments().loaded() && (entry.instruments().attempted() || !entry.instruments().refresh())) {
            throw new VenueNotReady("'" + bot.exchange() + "' has not answered yet: " + entry.instruments().problem());
        }
        return entry.instruments().find(bot.symbol()).orElseThrow(() ->
                new ApiException.Conflict("Cannot run bot '" + bot.name() + "': no market " + bot.symbol() + " on '"
                        + bot.exchange() + "'"));
    }

    /** Starts the real market feed of the bot's market; returns its release. */
    Runnable openFeed(Bot bot) {
        feeds.acquire(bot.exchange(), instrument(bot));
        return () -> feeds.release(bot.exchange(), bot.symbol());
    }

    /**
     * A LIVE bot's way to its venue, and what to release when it ends.
     *
     * @param perpetual the start-time position check of a perpetual bot (run once the kernel is restored), else null
     */
    record Live(ExchangeConnector connector, Runnable release, java.util.function.Consumer<BotKernel> perpetual) {
    }

    /**
     * How often a LIVE perpetual bot asks its venue for settled funding (venues fix it every 1 to 8 hours):
     * {@code botfleet.live.funding-poll}, default 10 minutes.
     */
    private final java.time.Duration fundingPoll;
    private final java.util.concurrent.ScheduledExecutorService fundingPolls =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("live-funding").factory());

    Live openLive(Bot bot, BotSession session, Supplier<BotRunner> runner) {
        if (bot.mode() != BotMode.LIVE) throw new IllegalArgumentException("not a LIVE bot");
        ExchangeSecrets secrets = (bot.credentialId() == null ? Optional.<ExchangeSecrets>empty()
                : credentials.secrets(bot.ownerId(), bot.credentialId())).orElseThrow(() ->
                new ApiException.Conflict("Cannot run bot '" + bot.name() + "' LIVE: its API key is gone; edit the bot"
                        + " and choose one of your keys for '" + bot.exchange() + "'"));
        AccountSession account;
        try {
            account = accounts.acquire(secrets.credentialId(), bot.exchange(), secrets::toVenueCredential);
        } catch (VenueException e) {
            if (e.kind() == VenueException.Kind.AUTH) {
                throw new ApiException.Conflict("Cannot run bot '" + bot.name() + "' LIVE: " + e.getMessage());
            }
            throw new VenueNotReady(e.getMessage());
        }
        VenueRegistry.Entry entry = venues.find(bot.exchange()).orElseThrow();
        Supplier<VenueInstrument> instrument = () -> entry.instruments().find(bot.symbol()).orElseThrow();
        VenueAlarm alarm = new VenueAlarm() {
            @Override public void warning(String message) {
                activity.record(bot.ownerId(), bot.id(), LogLevel.WARNING, bot.exchange() + ": " + message);
            }

            @Override public void failed(String message) { session.fail(bot.exchange() + ": " + message); }
        };
        boolean perpetual = instrument.get().instrument().isPerpetual();
        MarginSettings margin = bot.margin() != null ? bot.margin() : MarginSettings.DEFAULT;
        if (perpetual) {
            try {
                LivePerpetual.setLeverage(bot, account, instrument.get(), margin);
            } catch (RuntimeException e) {
                accounts.release(secrets.credentialId());
                throw e;
            }
        }
        LivePerpetual.Log log = (level, message) -> activity.record(bot.ownerId(), bot.id(), level, message);
        Runnable unwatch = perpetual ? LivePerpetual.watch(account, instrument.get(), runner) : () -> { };
        java.util.concurrent.Future<?> poll = perpetual ? fundingPolls.scheduleWithFixedDelay(
                () -> pollFunding(bot, account, instrument, runner, log), fundingPoll.toMillis(), fundingPoll.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS) : null;
        LivePort[] port = new LivePort[1];
        ExchangeConnector connector = listener -> port[0] = new LivePort(account, instrument, bot.id().toString(),
                event -> runner.get().onOrderEvent(event), alarm, clock, executor);
        Runnable release = () -> {
            unwatch.run();
            if (poll != null) poll.cancel(false);
            if (port[0] != null) port[0].close(10_000);  // the stop's cancels are sent before the port closes
            accounts.release(secrets.credentialId());
        };
        return new Live(connector, release, !perpetual ? null
                : kernel -> LivePerpetual.reconcile(account, instrument.get(), kernel, log));
    }

    /** Books the funding the venue settled since the bot's last booked fixing (or its creation). */
    private void pollFunding(Bot bot, AccountSession account, Supplier<VenueInstrument> instrument,
                             Supplier<BotRunner> runner, LivePerpetual.Log log) {
        try {
            java.time.Instant since = funding.latest(bot.id()).orElse(bot.createdAt());
            for (var payment : LivePerpetual.funding(account, instrument.get(), since, log)) {
                if (!payment.time().isAfter(since)) continue;
                BotRunner r = runner.get();
                if (r != null) r.send(new dev.botfleet.engine.runtime.BotCommand.Funding(payment));
            }
        } catch (RuntimeException e) {
            log.write(LogLevel.WARNING, bot.exchange() + ": funding not fetched: " + e.getMessage());
        }
    }
}
