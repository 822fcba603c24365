package dev.botfleet.exchanges.contract;

import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.exchanges.InstrumentCache;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.live.AccountSession;
import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.StandardSetup;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One venue's fake, its adapter pointed at it, the standard account's session, and bots on top. */
final class LiveHarness implements AutoCloseable {
    final VenueFixture fixture;
    final FakeVenue fake;
    final Venue venue;
    final MarketDataClient market;
    final InstrumentCache instruments;
    final AccountSession account;
    final FakeAccount fakeAccount;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    LiveHarness(VenueFixture fixture) {
        this.fixture = fixture;
        this.fake = fixture.startFake();
        this.fakeAccount = fake.engine().account(StandardSetup.API_KEY);
        this.venue = fixture.venue(fake);
        this.market = venue.marketData(false);
        this.instruments = new InstrumentCache(market, 60_000, System::currentTimeMillis);
        if (!instruments.refresh()) throw new IllegalStateException("instruments: " + instruments.problem());
        this.account = new AccountSession(venue.trading(new VenueCredential(fake.apiKey(), fake.apiSecret(), false)));
        account.open();
        Await.until("user stream subscribed", () -> fake.subscribedUserStreams() > 0);
    }

    VenueInstrument btc() { return instruments.find(fixture.symbol()).orElseThrow(); }

    TestBot bot() { return bot(UUID.randomUUID().toString(), null); }

    /** A second session on the standard key whose user stream is not opened yet (the caller opens it). */
    AccountSession unopenedAccount() {
        AccountSession second = new AccountSession(venue.trading(new VenueCredential(fake.apiKey(), fake.apiSecret(), false)));
        closeables.add(second);
        return second;
    }

    /** A bot trading through {@code session} instead of the standard one. */
    TestBot bot(AccountSession session) {
        TestBot bot = new TestBot(UUID.randomUUID().toString(), session, this::btc, null, executor);
        closeables.add(bot);
        return bot;
    }

    TestBot bot(String botId, KernelState state) {
        TestBot bot = new TestBot(botId, account, this::btc, state, executor);
        closeables.add(bot);
        return bot;
    }

    /** The venue's client order ids it accepted, as the fake recorded them. */
    List<String> accepted() { return fixture.acceptedClientIds(fake, account.client()); }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        account.close();
        market.close();
        fake.close();
        executor.shutdownNow();
    }
}
