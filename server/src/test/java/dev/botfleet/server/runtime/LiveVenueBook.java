package dev.botfleet.server.runtime;

import dev.botfleet.exchanges.ClientIdCodec;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.StandardSetup;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LIVE fleet's venue fake, for the tests that kill servers mid-trading (one node: {@link LiveCrashRestartCases}; a
 * cluster: {@link ClusterFailoverIT}): the properties that point a server at it, the bots on one stored key, a driver
 * thread that plays the rest of the market, and the end checks — judged by the venue's own records, not the server's.
 */
final class LiveVenueBook {
    static final Duration PATIENCE = Duration.ofSeconds(40);

    private final FakeVenue fake;
    private final String venueId;
    private final String symbol;
    private final String venueSymbol;
    private final String partialQuantity;
    private final AtomicBoolean driving = new AtomicBoolean();
    private Thread driver;

    /**
     * @param venueId         our id of the venue ("binance")
     * @param symbol          our symbol of the traded market; {@code venueSymbol} the venue's
     * @param partialQuantity a trade too small to fill a whole order
     */
    LiveVenueBook(FakeVenue fake, String venueId, String symbol, String venueSymbol, String partialQuantity) {
        this.fake = fake;
        this.venueId = venueId;
        this.symbol = symbol;
        this.venueSymbol = venueSymbol;
        this.partialQuantity = partialQuantity;
    }

    FakeVenue fake() {
        return fake;
    }

    /** {@code botfleet.venues.*}: this venue at the fake (its testnet too), every other venue off. */
    Map<String, String> serverProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        for (String other : List.of("binance", "bybit", "kraken", "coinbase", "coindcx", "delta")) {
            props.put("botfleet.venues." + other + ".enabled", Boolean.toString(other.equals(venueId)));
        }
        for (String prefix : List.of("botfleet.venues." + venueId + ".", "botfleet.venues." + venueId + ".testnet.")) {
            props.put(prefix + "rest", fake.restUrl());
            props.put(prefix + "market-stream", fake.marketStreamUrl());
            props.put(prefix + "user-stream", fake.userStreamUrl());
        }
        return props;
    }

    /** The venue's status in a server's GET /exchanges (READY once its instruments loaded). */
    String status(ServerApi api, String token) {
        try {
            for (JsonNode e : api.call("GET", "/api/v1/exchanges", token)) {
                if (e.get("id").asString().equals(venueId)) return e.get("status").asString();
            }
            return "absent";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Stores the fake account's key for the user; the venue must say it can trade. */
    String addKey(ServerApi api, String token) throws Exception {
        JsonNode credential = api.send("POST", "/api/v1/credentials", token, """
                {"exchange":"%s","label":"fake venue","apiKey":"%s","apiSecret":"%s"}"""
                .formatted(venueId, fake.apiKey(), fake.apiSecret()));
        assertThat(credential.get("canTrade").asBoolean()).as("the venue's word on the key").isTrue();
        return credential.get("id").asString();
    }

    /** {@code n} LIVE scalpers on the key, bot i buying 10 × (i + 1) below 50,000 and selling as far above. */
    List<String> createScalpers(ServerApi api, String token, String credentialId, String namePrefix, int n,
                                String quantity, String extraBotFields) throws Exception {
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int step = 10 * (i + 1);  // 49990/50010, 49980/50020, 49970/50030
            bots.add(api.send("POST", "/api/v1/bots", token, """
                    {"name":"%s%d","exchange":"%s","symbol":"%s","strategy":"scalper","mode":"LIVE",%s
                     "credentialId":"%s","config":{"quantity":"%s","buyPrice":"%d.00","sellPrice":"%d.00"}}"""
                    .formatted(namePrefix, i, venueId, symbol, extraBotFields, credentialId, quantity, 50_000 - step,
                            50_000 + step)).get("id").asString());
        }
        return bots;
    }

    static String prefix(String bot) {
        return new ClientIdCodec(bot).prefix();
    }

    /**
     * The rest of the market: alternately a trade below every bot's buy price and one above every sell price (some
     * big enough for every order, some only part of one), a few times a second, also while a server is down.
     */
    void startDriver() {
        driving.set(true);
        Random random = new Random(42);
        driver = Thread.ofPlatform().daemon().name("market-driver").start(() -> {
            boolean low = true;
            while (driving.get()) {
                int offset = 35 + random.nextInt(20);  // 49946..49965 or 50035..50054: beyond every bot's prices
                String price = (low ? 50_000 - offset : 50_000 + offset) + ".00";
                String quantity = random.nextInt(4) == 0 ? partialQuantity : "1";
                fake.engine().printTrade(venueSymbol, price, quantity);
                low = !low;
                try {
                    Thread.sleep(150 + random.nextInt(150));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void stopDriver() throws InterruptedException {
        driving.set(false);
        if (driver != null) driver.join(5_000);
    }

    record VenueOrder(String clientOrderId, boolean open, BigDecimal executed, List<FakeTrade> trades) {
    }

    /** The venue's record of one bot's orders (by client-id prefix), read under the engine's lock. */
    List<VenueOrder> orders(String prefix) {
        synchronized (fake.engine()) {
            return fake.engine().orders(fake.engine().account(StandardSetup.API_KEY)).stream()
                    .filter(o -> o.clientOrderId != null && o.clientOrderId.startsWith(prefix))
                    .map(o -> new VenueOrder(o.clientOrderId, o.isOpen(), o.executedQuantity, List.copyOf(o.trades)))
                    .toList();
        }
    }

    List<FakeTrade> trades(String prefix) {
        return orders(prefix).stream().flatMap(o -> o.trades.stream()).toList();
    }

    long fills(Collection<String> prefixes) {
        return prefixes.stream().mapToLong(p -> trades(p).size()).sum();
    }

    /** What {@link #assertServerAgrees} found: the venue fills of the bots, and the base asset they moved. */
    record Totals(long fills, BigDecimal baseMoved) {
    }

    /**
     * After the bots stopped: no order of theirs is open on the venue; the venue accepted every client order id once;
     * for each bot, the venue's fills of its orders are exactly the trades the server lists (same trade ids, each once,
     * same prices and quantities), each server order's filled quantity is what the venue executed for it, the position
     * the server reports is what those fills moved (less the commission the venue took in the base asset), every order
     * the venue accepted was journaled, and the server holds none open.
     */
    Totals assertServerAgrees(ServerApi api, String token, List<String> bots, String testName) throws Exception {
        for (String bot : bots) {
            await("no open order of bot " + bot + " on the venue after the stop",
                    () -> orders(prefix(bot)).stream().filter(o -> o.open).map(o -> o.clientOrderId).toList(),
                    List::isEmpty);
        }
        assertThat(duplicates(fake.engine().acceptedClientIds())).as("client order ids the venue accepted more than once").isEmpty();
        long totalFills = 0;
        BigDecimal baseMoved = BigDecimal.ZERO;
        for (String bot : bots) {
            ClientIdCodec codec = new ClientIdCodec(bot);
            List<VenueOrder> orders = orders(prefix(bot));
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
            baseMoved = baseMoved.add(expectedPosition);

            // the server settles what it learnt from the venue: wait for it, then compare exactly
            await("bot " + bot + "'s trades to match the venue's fills",
                    () -> serverFills(api, token, bot), fills -> fills.equals(venueFills));
            List<String> tradeIds = new ArrayList<>();
            serverTrades(api, token, bot).forEach(t -> tradeIds.add(t.get("tradeId").asString()));
            assertThat(duplicates(tradeIds)).as("trade ids bot " + bot + " booked twice").isEmpty();
            assertThat(new TreeSet<>(tradeIds)).as("bot " + bot + "'s trade ids vs the venue's").isEqualTo(venueFills.keySet());
            assertThat(serverFills(api, token, bot)).as("bot " + bot + "'s trades vs the venue's fills").isEqualTo(venueFills);
            BigDecimal reported = await("bot " + bot + "'s position to equal its venue fills (" + position + ")",
                    () -> serverPosition(api, token, bot), p -> p.compareTo(position) == 0);
            assertThat(reported).as("position of bot " + bot).isEqualByComparingTo(position);

            // every order the venue accepted was journaled by the server first, and filled as much on both sides
            List<JsonNode> serverOrders = serverOrders(api, token, bot);
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
            System.out.println(testName + ": bot " + bot + ": " + orders.size() + " venue orders, " + venueFills.size()
                    + " fills, position " + position.toPlainString());
        }
        return new Totals(totalFills, baseMoved);
    }

    /** Every trade of the bot, page by page (500 a page: a bot of a long soak has more). */
    private static List<JsonNode> serverTrades(ServerApi api, String token, String bot) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode trades = api.call("GET", "/api/v1/bots/" + bot + "/trades?page=" + page, token);
            trades.forEach(all::add);
            if (trades.size() < 500) return all;
        }
    }

    /** Every order of the bot, through the paged order list. */
    private static List<JsonNode> serverOrders(ServerApi api, String token, String bot) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.call("GET", "/api/v1/orders?botId=" + bot + "&size=100&page=" + page, token);
            answer.get("items").forEach(all::add);
            if (all.size() >= answer.get("total").asLong() || answer.get("items").isEmpty()) return all;
        }
    }

    /** The server's trades of a bot as tradeId -> "price x quantity". */
    private static Map<String, String> serverFills(ServerApi api, String token, String bot) {
        try {
            Map<String, String> fills = new TreeMap<>();
            for (JsonNode t : serverTrades(api, token, bot)) {
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
                if (p.get("symbol").asString().equals(symbol)) sum = sum.add(new BigDecimal(p.get("quantity").asString()));
            }
            return sum;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static <T> List<T> duplicates(List<T> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    static <T> T await(String what, Supplier<T> read, Predicate<T> done) throws InterruptedException {
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
