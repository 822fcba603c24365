package dev.botfleet.bench;

import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.exchanges.InstrumentCache;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.binance.BinanceVenue;
import dev.botfleet.exchanges.bybit.BybitVenue;
import dev.botfleet.exchanges.live.AccountSession;
import dev.botfleet.exchanges.live.LivePort;
import dev.botfleet.exchanges.live.VenueAlarm;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.binance.FakeBinance;
import dev.botfleet.fakes.bybit.FakeBybit;
import org.openjdk.jmh.annotations.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One order's round trip to a venue over loopback, as a LIVE bot makes it: {@link LivePort#submit} → sign → REST →
 * the venue's fake (signature and timestamp checks, matching) → answer parsed → events back at the bot. The order is
 * an IOC buy below the market, so the venue accepts and expires it at once and nothing accumulates. The fake's order
 * limit is raised so the client-side limiter never waits: this measures our code plus the loopback, not the venue's
 * documented rate limit (which caps a Binance key at 100 orders per 10 s).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class VenueRoundTripBenchmark {
    /**
     * binance by default. With {@code -p venue=bybit} the adapter's IP limiter (Bybit documents 600 requests per 5 s
     * per address; we keep to 300 per fixed 5 s window) caps a round trip of two requests at about 30 per second.
     */
    @Param({"binance"})
    public String venue;

    private FakeVenue fake;
    private AccountSession account;
    private LivePort port;
    private ExecutorService executor;
    /** The order an operation waits for; the answer and the user stream both report its end, the first one counts. */
    private volatile java.util.concurrent.CompletableFuture<OrderEvent> pending = new java.util.concurrent.CompletableFuture<>();
    private volatile String pendingId = "";
    private long sequence;

    @Setup(Level.Trial)
    public void start() {
        fake = venue.equals("binance") ? new FakeBinance() : new FakeBybit();
        fake.limitOrders(1_000_000, 1_000);
        if (fake instanceof FakeBybit bybit) bybit.limits().perSecond.replaceAll((path, limit) -> 1_000_000);
        fake.engine().account(StandardSetup.API_KEY).deposit("USDT", "1000000000");
        VenueEndpoints endpoints = new VenueEndpoints(fake.restUrl(), fake.marketStreamUrl(), fake.userStreamUrl());
        VenueSettings settings = new VenueSettings(endpoints, endpoints, Duration.ofSeconds(5), Duration.ofSeconds(5));
        Venue adapter = venue.equals("binance") ? new BinanceVenue(settings) : new BybitVenue(settings);
        InstrumentCache instruments = new InstrumentCache(adapter.marketData(false), 3_600_000, System::currentTimeMillis);
        if (!instruments.refresh()) throw new IllegalStateException(instruments.problem());
        VenueInstrument btc = instruments.find("BTC/USDT").orElseThrow();
        account = new AccountSession(adapter.trading(new VenueCredential(StandardSetup.API_KEY, StandardSetup.API_SECRET,
                false)));
        account.open();
        executor = Executors.newVirtualThreadPerTaskExecutor();
        port = new LivePort(account, () -> btc, "bench", event -> {
            boolean ends = event instanceof OrderEvent.OrderExpired || event instanceof OrderEvent.OrderRejected;
            if (ends && event.clientOrderId().equals(pendingId)) pending.complete(event);
        }, VenueAlarm.NONE, Clock.systemUTC(), executor);
    }

    @TearDown(Level.Trial)
    public void stop() {
        port.close(5_000);
        account.close();
        fake.close();
        executor.shutdownNow();
    }

    @Benchmark
    public OrderEvent iocRoundTrip() throws Exception {
        Instant now = Instant.now();
        String id = "bench-" + (++sequence);
        pending = new java.util.concurrent.CompletableFuture<>();
        pendingId = id;
        OrderSnapshot order = new OrderSnapshot("bench", id, null, venue, "BTC/USDT",
                OrderSide.BUY, OrderType.LIMIT, TimeInForce.IOC, new BigDecimal("40000.00"), new BigDecimal("0.001"),
                OrderStatus.SUBMITTED, BigDecimal.ZERO, null, Map.of(), BigDecimal.ZERO, null, null, false, now, now);
        port.submit(order);
        OrderEvent event = pending.get(10, TimeUnit.SECONDS);
        if (!(event instanceof OrderEvent.OrderExpired)) throw new IllegalStateException("expected an expiry: " + event);
        return event;
    }
}
