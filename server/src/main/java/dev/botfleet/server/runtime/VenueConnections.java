package dev.botfleet.server.runtime;

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
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    VenueConnections(VenueRegistry venues, VenueFeeds feeds, LiveAccounts accounts, CredentialService credentials,
                     ActivityLogService activity, Clock clock) {
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

    /** A LIVE bot's way to its venue, and what to release when it ends. */
    record Live(ExchangeConnector connector, Runnable release) {
    }

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
        LivePort[] port = new LivePort[1];
        ExchangeConnector connector = listener -> port[0] = new LivePort(account, instrument, bot.id().toString(),
                event -> runner.get().onOrderEvent(event), alarm, clock, executor);
        Runnable release = () -> {
            if (port[0] != null) port[0].close(10_000);  // the stop's cancels are sent before the port closes
            accounts.release(secrets.credentialId());
        };
        return new Live(connector, release);
    }
}
