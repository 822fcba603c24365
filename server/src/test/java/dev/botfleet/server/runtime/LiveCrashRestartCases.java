package dev.botfleet.server.runtime;

import dev.botfleet.exchanges.ClientIdCodec;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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

    private static final String PG_URL = System.getenv().getOrDefault("BOTFLEET_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getenv().getOrDefault("BOTFLEET_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("BOTFLEET_TEST_PG_PASSWORD", "");
    private static final int BOTS = 3;
    private static final int KILLS = 3;
    /** Fills the bots must make on the venue (all together) between a (re)start and the next kill. */
    private static final int FILLS_BETWEEN_KILLS = 8;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private String schema;
    private FakeVenue fake;
    private ServerProcess server;
    private final AtomicBoolean driving = new AtomicBoolean();
    private Thread driver;

    @BeforeAll
    void freshSchemaAndVenue() throws Exception {
        schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        fake = startFake();
        Path target = Path.of(System.getProperty("botfleet.it.target", "target"));
        Path jar = Path.of(System.getProperty("botfleet.it.jar", target.resolve("botfleet-server.jar").toString()));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", PG_URL + "?currentSchema=" + schema);
        props.put("spring.datasource.username", PG_USER);
        props.put("spring.datasource.password", PG_PASSWORD);
        props.put("botfleet.data-dir", target.resolve("it-data/" + schema).toString());
        props.put("botfleet.password.bcrypt-strength", "4");
        for (String other : List.of("binance", "bybit", "kraken", "coinbase", "coindcx", "delta")) {
            props.put("botfleet.venues." + other + ".enabled", Boolean.toString(other.equals(venueId())));
        }
        String venue = "botfleet.venues." + venueId() + ".";
        props.put(venue + "rest", fake.restUrl());
        props.put(venue + "market-stream", fake.marketStreamUrl());
        props.put(venue + "user-stream", fake.userStreamUrl());
        props.put(venue + "testnet.rest", fake.restUrl());
        props.put(venue + "testnet.market-stream", fake.marketStreamUrl());
        props.put(venue + "testnet.user-stream", fake.userStreamUrl());
        server = new ServerProcess(jar, target.resolve("it-logs/" + schema), props);
        System.out.println(getClass().getSimpleName() + ": schema " + schema + ", logs in " + target.resolve("it-logs/" + schema));
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        stopDriver();
        if (server != null) server.kill();
        if (fake != null) fake.close();
    }

    @Test
    void killedMidLiveTradingItNeverSendsAnOrderTwiceAndBooksEveryVenueFillOnce() throws Exception {
        long began = System.nanoTime();
        System.out.println(getClass().getSimpleName() + ": first start took " + server.start(STARTUP));
        ServerApi api = new ServerApi(server);
        String token = api.register("live-crash@example.com");
        await(venueId() + " to be READY in GET /exchanges", () -> venueStatus(api, token), "READY"::equals);
        JsonNode credential = api.send("POST", "/api/v1/credentials", token, """
                {"exchange":"%s","label":"fake venue","apiKey":"%s","apiSecret":"%s"}"""
                .formatted(venueId(), fake.apiKey(), fake.apiSecret()));
        assertThat(credential.get("canTrade").asBoolean()).as("the venue's word on the key").isTrue();

        List<String> bots = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            int step = 10 * (i + 1);  // 49990/50010, 49980/50020, 49970/50030
            bots.add(api.send("POST", "/api/v1/bots", token, """
                    {"name":"live-crash-%d","exchange":"%s","symbol":"%s","strategy":"scalper","mode":"LIVE",%s
                     "credentialId":"%s","config":{"quantity":"%s","buyPrice":"%d.00","sellPrice":"%d.00"}}"""
                    .formatted(i, venueId(), symbol(), extraBotFields(), credential.get("id").asString(), botQuantity(), 50_000 - step,
                            50_000 + step)).get("id").asString());
        }
        for (String bot : bots) {
            assertThat(api.call("POST", "/api/v1/bots/" + bot + "/start", token).get("status").asString()).isEqualTo("ACTIVE");
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (String bot : bots) prefixes.put(bot, new ClientIdCodec(bot).prefix());
        for (String bot : bots) {
            await("bot " + bot + " to place its first order on the venue", () -> venueOrders(prefixes.get(bot)).size(), n -> n > 0);
        }
        startDriver();

        List<String> notResumed = new ArrayList<>();
        Random killDelay = new Random();
        for (int kill = 1; kill <= KILLS; kill++) {
            long fills = venueFills(prefixes.values());
            await("the bots to make " + FILLS_BETWEEN_KILLS + " more fills before kill " + kill,
                    () -> venueFills(prefixes.values()), n -> n >= fills + FILLS_BETWEEN_KILLS);
            // right after a fill (the next order not sent yet) or later (orders resting, some fill while it is down)
            Thread.sleep(killDelay.nextInt(400));
            server.kill();
            long atKill = venueFills(prefixes.values());
            Duration restart = server.start(STARTUP);
            System.out.println(getClass().getSimpleName() + ": kill " + kill + " with " + atKill + " venue fills and "
                    + fake.engine().acceptedClientIds().size() + " accepted orders; " + (venueFills(prefixes.values()) - atKill)
                    + " more fills while it was down; restart took " + restart);
            await(venueId() + " to be READY after restart " + kill, () -> venueStatus(api, token), "READY"::equals);
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
            long before = venueTrades(prefixes.get(bot)).size();
            await("bot " + bot + " to trade after the last restart", () -> venueTrades(prefixes.get(bot)).size(), n -> n >= before + 2);
        }
        stopDriver();
        for (String bot : bots) {
            JsonNode stopped = api.call("POST", "/api/v1/bots/" + bot + "/stop", token);
            assertThat(stopped.get("status").asString()).as("bot " + bot + " stopped").isEqualTo("STOPPED");
        }
        for (String bot : bots) {
            await("no open order of bot " + bot + " on the venue after the stop",
                    () -> venueOrders(prefixes.get(bot)).stream().filter(o -> o.open).map(o -> o.clientOrderId).toList(),
                    List::isEmpty);
        }

        assertThat(duplicates(fake.engine().acceptedClientIds())).as("client order ids the venue accepted more than once").isEmpty();
        long totalFills = 0;
        BigDecimal btcMoved = BigDecimal.ZERO;
        for (String bot : bots) {
            String prefix = prefixes.get(bot);
            ClientIdCodec codec = new ClientIdCodec(bot);
            List<VenueOrder> orders = venueOrders(prefix);
            Map<String, String> venueFills = new TreeMap<>();
            BigDecimal expectedPosition = BigDecimal.ZERO;
            for (VenueOrder o : orders) {
                for (FakeTrade t : o.trades) {
                    venueFills.put(Long.toString(t.tradeId()), t.price().stripTrailingZeros().toPlainString() + " x "
                            + t.quantity().stripTrailingZeros().toPlainString());
                    BigDecimal base = t.side() == FakeOrder.Side.BUY ? t.quantity() : t.quantity().negate();
                    if (t.commissionAsset().equals("BTC")) base = base.subtract(t.commission());
                    expectedPosition = expectedPosition.add(base);
                }
            }
            BigDecimal position = expectedPosition;
            totalFills += venueFills.size();
            btcMoved = btcMoved.add(expectedPosition);

            // the server settles what it learnt from the venue: wait for it, then compare exactly
            await("bot " + bot + "'s trades to match the venue's fills",
                    () -> serverFills(api, token, bot), fills -> fills.equals(venueFills));
            List<String> tradeIds = new ArrayList<>();
            api.call("GET", "/api/v1/bots/" + bot + "/trades", token).forEach(t -> tradeIds.add(t.get("tradeId").asString()));
            assertThat(tradeIds).as("bot " + bot + "'s trade list is complete (the API lists at most 500)").hasSizeLessThan(500);
            assertThat(duplicates(tradeIds)).as("trade ids bot " + bot + " booked twice").isEmpty();
            assertThat(new TreeSet<>(tradeIds)).as("bot " + bot + "'s trade ids vs the venue's").isEqualTo(venueFills.keySet());
            assertThat(serverFills(api, token, bot)).as("bot " + bot + "'s trades vs the venue's fills").isEqualTo(venueFills);
            BigDecimal reported = await("bot " + bot + "'s position to equal its venue fills (" + position + ")",
                    () -> serverPosition(api, token, bot), p -> p.compareTo(position) == 0);
            assertThat(reported).as("position of bot " + bot).isEqualByComparingTo(position);

            // every order the venue accepted was journaled by the server first, and filled as much on both sides
            JsonNode serverOrders = api.call("GET", "/api/v1/bots/" + bot + "/orders", token);
            assertThat(serverOrders.size()).as("bot " + bot + "'s order list is complete").isLessThan(500);
            Map<String, BigDecimal> serverFilled = new HashMap<>();
            List<String> open = new ArrayList<>();
            for (JsonNode o : serverOrders) {
                serverFilled.put(o.get("clientOrderId").asString(), new BigDecimal(o.get("filledQuantity").asString()));
                if (Set.of("INITIALIZED", "SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED", "PENDING_CANCEL")
                        .contains(o.get("status").asString())) {
                    open.add(o.get("clientOrderId").asString() + " " + o.get("status").asString());
                }
            }
            for (VenueOrder o : orders) {
                String ours = codec.fromVenue(o.clientOrderId);
                assertThat(serverFilled).as("venue order " + o.clientOrderId + " (" + ours + ") is journaled").containsKey(ours);
                assertThat(serverFilled.get(ours)).as("filled quantity of " + ours).isEqualByComparingTo(o.executed);
            }
            assertThat(open).as("orders of bot " + bot + " the server still holds open after the stop").isEmpty();
            System.out.println(getClass().getSimpleName() + ": bot " + bot + ": " + orders.size() + " venue orders, " + venueFills.size()
                    + " fills, position " + position.toPlainString());
        }
        // the venue's account moved by exactly what the bots' fills add up to (they are its only traders)
        assertThat(venueHolding(fake)).as("BTC the venue account holds").isEqualByComparingTo(btcMoved);
        System.out.println(getClass().getSimpleName() + ": " + totalFills + " fills, " + fake.engine().acceptedClientIds().size()
                + " orders accepted by the venue, 0 duplicates; " + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s");
        assertThat(notResumed).as("ACTIVE LIVE bots that a restart did not resume (each was started again by hand)").isEmpty();
    }

    /**
     * The rest of the market: alternately a trade below every bot's buy price and one above every sell price (some
     * big enough for every order, some only part of one), a few times a second, also while the server is down.
     */
    private void startDriver() {
        driving.set(true);
        Random random = new Random(42);
        driver = Thread.ofPlatform().daemon().name("market-driver").start(() -> {
            boolean low = true;
            while (driving.get()) {
                int offset = 35 + random.nextInt(20);  // 49946..49965 or 50035..50054: beyond every bot's prices
                String price = (low ? 50_000 - offset : 50_000 + offset) + ".00";
                String quantity = random.nextInt(4) == 0 ? partialQuantity() : "1";
                fake.engine().printTrade(venueSymbol(), price, quantity);
                low = !low;
                try {
                    Thread.sleep(150 + random.nextInt(150));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void stopDriver() throws InterruptedException {
        driving.set(false);
        if (driver != null) driver.join(5_000);
    }

    private record VenueOrder(String clientOrderId, boolean open, BigDecimal executed, List<FakeTrade> trades) {
    }

    /** The venue's record of one bot's orders (by client-id prefix), read under the engine's lock. */
    private List<VenueOrder> venueOrders(String prefix) {
        synchronized (fake.engine()) {
            return fake.engine().orders(fake.engine().account(StandardSetup.API_KEY)).stream()
                    .filter(o -> o.clientOrderId != null && o.clientOrderId.startsWith(prefix))
                    .map(o -> new VenueOrder(o.clientOrderId, o.isOpen(), o.executedQuantity, List.copyOf(o.trades)))
                    .toList();
        }
    }

    private List<FakeTrade> venueTrades(String prefix) {
        return venueOrders(prefix).stream().flatMap(o -> o.trades.stream()).toList();
    }

    private long venueFills(java.util.Collection<String> prefixes) {
        return prefixes.stream().mapToLong(p -> venueTrades(p).size()).sum();
    }

    /** The server's trades of a bot as tradeId -> "price x quantity". */
    private Map<String, String> serverFills(ServerApi api, String token, String bot) {
        try {
            Map<String, String> fills = new TreeMap<>();
            for (JsonNode t : api.call("GET", "/api/v1/bots/" + bot + "/trades", token)) {
                fills.put(t.get("tradeId").asString(), new BigDecimal(t.get("price").asString()).stripTrailingZeros().toPlainString()
                        + " x " + new BigDecimal(t.get("quantity").asString()).stripTrailingZeros().toPlainString());
            }
            return fills;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private BigDecimal serverPosition(ServerApi api, String token, String bot) {
        try {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode p : api.call("GET", "/api/v1/bots/" + bot + "/positions", token)) {
                if (p.get("symbol").asString().equals(symbol())) sum = sum.add(new BigDecimal(p.get("quantity").asString()));
            }
            return sum;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String venueStatus(ServerApi api, String token) {
        try {
            for (JsonNode e : api.call("GET", "/api/v1/exchanges", token)) {
                if (e.get("id").asString().equals(venueId())) return e.get("status").asString();
            }
            return "absent";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> List<T> duplicates(List<T> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    private static <T> T await(String what, Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what + "; last: " + value);
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }
}
