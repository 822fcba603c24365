package dev.botfleet.server.runtime;

import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.server.support.PostgresAvailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability on a real venue's protocol: the packaged server, on PostgreSQL (a fresh schema), trades LIVE on a venue's
 * fake (started in this JVM; one subclass per venue: Binance spot, Delta perpetuals) with three scalper bots on one stored key, while a driver thread plays the rest
 * of the market (trades printed below and above the bots' prices, some only part of an order's size), so their orders
 * fill both ways. The server is killed with SIGKILL mid-trading three times and restarted each time; the market goes on
 * while it is down, so orders fill that it must find on its own after the restart. At the end the bots are stopped.
 *
 * <p>Judged by the venue's own records, not the server's: the fake accepted every client order id exactly once; for each
 * bot, the fills the fake made for the bot's orders (matched by its venue client-id prefix) are exactly the trades the
 * server lists (same trade ids, each once, same prices and quantities), each server order's filled quantity is what
 * the fake executed for it, and the position the server reports is what those fills moved (bought, less the commission
 * the venue took in BTC, minus sold); every order the venue accepted is one the server journaled; after the stop no
 * order of the bots is open on the venue nor in the server.
 *
 * <p>After each restart every bot must be ACTIVE again on its own. One that is not is a failure, reported at the end;
 * the test starts it again by hand (as its owner would) so that the checks above still cover every restart.
 */
@ExtendWith(PostgresAvailable.class)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class LiveCrashRestartCases {
    /** The venue's id in the server ("binance"). */
    abstract String venueId();

    /** Starts the venue's fake (with StandardSetup's account). */
    abstract FakeVenue startFake();

    /** Our symbol of the traded market and the venue's own name of it. */
    abstract String symbol();

    abstract String venueSymbol();

    /** Each bot's order quantity. */
    String botQuantity() { return "0.001"; }

    /** A trade too small to fill a whole order (a perpetual's is whole contracts: venues trade nothing smaller). */
    String partialQuantity() { return "0.0004"; }

    /** Extra bot fields (a perpetual's leverage), as JSON members with a trailing comma, or "". */
    String extraBotFields() { return ""; }

    /**
     * What the venue account holds of the market's base asset beyond what it started with: on spot the BTC balance
     * less 1, on a perpetual the position. The bots are its only traders, so it must equal their fills' sum.
     */
    abstract BigDecimal venueHolding(FakeVenue fake);

    private static final String PG_URL = ItSchema.URL;
    private static final String PG_USER = ItSchema.USER;
    private static final String PG_PASSWORD = ItSchema.PASSWORD;
    private static final int BOTS = 3;
    private static final int KILLS = 3;
    /** Fills the bots must make on the venue (all together) between a (re)start and the next kill. */
    private static final int FILLS_BETWEEN_KILLS = 8;
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private String schema;
    private LiveVenueBook venue;
    private ServerProcess server;

    @BeforeAll
    void freshSchemaAndVenue() throws Exception {
        schema = ItSchema.create();
        venue = new LiveVenueBook(startFake(), venueId(), symbol(), venueSymbol(), partialQuantity());
        Path target = Path.of(System.getProperty("botfleet.it.target", "target"));
        Path jar = Path.of(System.getProperty("botfleet.it.jar", target.resolve("botfleet-server.jar").toString()));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", PG_URL + "?currentSchema=" + schema);
        props.put("spring.datasource.username", PG_USER);
        props.put("spring.datasource.password", PG_PASSWORD);
        props.put("botfleet.data-dir", target.resolve("it-data/" + schema).toString());
        props.put("botfleet.password.bcrypt-strength", "4");
        props.putAll(venue.serverProperties());
        server = new ServerProcess(jar, target.resolve("it-logs/" + schema), props);
        System.out.println(getClass().getSimpleName() + ": schema " + schema + ", logs in " + target.resolve("it-logs/" + schema));
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (venue != null) venue.stopDriver();
        if (server != null) server.kill();
        if (venue != null) venue.fake().close();
        ItSchema.drop(schema);
    }

    @Test
    void killedMidLiveTradingItNeverSendsAnOrderTwiceAndBooksEveryVenueFillOnce() throws Exception {
        long began = System.nanoTime();
        String name = getClass().getSimpleName();
        FakeVenue fake = venue.fake();
        System.out.println(name + ": first start took " + server.start(STARTUP));
        ServerApi api = new ServerApi(server);
        String token = api.register("live-crash@example.com");
        await(venueId() + " to be READY in GET /exchanges", () -> venue.status(api, token), "READY"::equals);
        String credential = venue.addKey(api, token);
        List<String> bots = venue.createScalpers(api, token, credential, "live-crash-", BOTS, botQuantity(), extraBotFields());
        for (String bot : bots) {
            assertThat(api.call("POST", "/api/v1/bots/" + bot + "/start", token).get("status").asString()).isEqualTo("ACTIVE");
        }
        List<String> prefixes = bots.stream().map(LiveVenueBook::prefix).toList();
        for (String bot : bots) {
            await("bot " + bot + " to place its first order on the venue", () -> venue.orders(LiveVenueBook.prefix(bot)).size(), n -> n > 0);
        }
        venue.startDriver();

        List<String> notResumed = new ArrayList<>();
        Random killDelay = new Random();
        for (int kill = 1; kill <= KILLS; kill++) {
            long fills = venue.fills(prefixes);
            await("the bots to make " + FILLS_BETWEEN_KILLS + " more fills before kill " + kill,
                    () -> venue.fills(prefixes), n -> n >= fills + FILLS_BETWEEN_KILLS);
            // right after a fill (the next order not sent yet) or later (orders resting, some fill while it is down)
            Thread.sleep(killDelay.nextInt(400));
            server.kill();
            long atKill = venue.fills(prefixes);
            Duration restart = server.start(STARTUP);
            System.out.println(name + ": kill " + kill + " with " + atKill + " venue fills and "
                    + fake.engine().acceptedClientIds().size() + " accepted orders; " + (venue.fills(prefixes) - atKill)
                    + " more fills while it was down; restart took " + restart);
            await(venueId() + " to be READY after restart " + kill, () -> venue.status(api, token), "READY"::equals);
            for (String bot : bots) {
                JsonNode b = api.call("GET", "/api/v1/bots/" + bot, token);
                if (b.get("status").asString().equals("ACTIVE")) continue;
                // Not resumed: a failure (reported at the end). Start it by hand, as its owner would, so the money
                // invariants below are still checked across every restart.
                notResumed.add("bot " + bot + " after restart " + kill + ": " + b.get("status").asString() + " ("
                        + b.get("statusReason").asString() + ")");
                assertThat(api.call("POST", "/api/v1/bots/" + bot + "/start", token).get("status").asString())
                        .as("bot " + bot + " started again by hand after restart " + kill).isEqualTo("ACTIVE");
            }
        }
        // every bot trades on after the last restart: each makes at least two more fills on the venue
        for (String bot : bots) {
            long before = venue.trades(LiveVenueBook.prefix(bot)).size();
            await("bot " + bot + " to trade after the last restart", () -> venue.trades(LiveVenueBook.prefix(bot)).size(), n -> n >= before + 2);
        }
        venue.stopDriver();
        for (String bot : bots) {
            JsonNode stopped = api.call("POST", "/api/v1/bots/" + bot + "/stop", token);
            assertThat(stopped.get("status").asString()).as("bot " + bot + " stopped").isEqualTo("STOPPED");
        }

        LiveVenueBook.Totals totals = venue.assertServerAgrees(api, token, bots, name);
        // the venue's account moved by exactly what the bots' fills add up to (they are its only traders)
        assertThat(venueHolding(fake)).as("BTC the venue account holds").isEqualByComparingTo(totals.baseMoved());
        System.out.println(name + ": " + totals.fills() + " fills, " + fake.engine().acceptedClientIds().size()
                + " orders accepted by the venue, 0 duplicates; " + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s");
        assertThat(notResumed).as("ACTIVE LIVE bots that a restart did not resume (each was started again by hand)").isEmpty();
    }

    private static <T> T await(String what, Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        return LiveVenueBook.await(what, read, done);
    }
}
