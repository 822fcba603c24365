package dev.botfleet.bench.load;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The API under load while a fleet trades (issue 16, docs/fleet-scale.md "API under load"): against a running server,
 * creates a user with N paper DCA bots on {@code sim} BTC/USDT that trade continuously (take profit 0.05-0.09 %,
 * one safety buy 0.1 % below, stop loss 0.3 %), starts them, then
 * sends the dashboard's main calls at a fixed rate for a while — GET /bots?size=100, /bots/statistics/summary, and a
 * random bot's /bots/{id}, /orders, /trades, /positions, /stats, in equal shares — and reports latency percentiles per
 * call and overall, errors, and the fills the fleet made meanwhile.
 *
 * <p>First a warm-up of {@code WARMUP_SECONDS} (60 by default) at the same rate, not measured. Open loop: each request is due at a fixed time and its latency counts from then, so a server that stalls is
 * charged for the requests that waited (no coordinated omission).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.botfleet.bench.load.ApiLoad http://127.0.0.1:8080 1000 500 60</pre>
 * (base URL, bots, requests per second — 0 for the fleet alone —, seconds; scripts/api-load.sh starts the server and runs
 * this). With {@code BOTFLEET_SCRAPE_TOKEN} set to the server's scrape token it also reports the server's fills/s and
 * tick-to-decision percentiles over the window ({@link ServerMetrics}).
 */
public final class ApiLoad {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CALLS = List.of("bots", "summary", "bot", "orders", "trades", "positions", "stats");

    private final PlainHttp http;
    /**
     * DEAL_WIDTH=k widens every DCA level k times: a random walk takes about k² as long to reach them, so the fleet
     * trades about k² times less often (1: about a fill per bot every second or two at the sim's speed).
     */
    private final BigDecimal width = new BigDecimal(System.getenv().getOrDefault("DEAL_WIDTH", "1"));
    /**
     * DEAL_VARIANTS=n spreads the take profits over n values (default 5: 0.05, 0.06 … 0.09 % times the width). Bots of
     * one variant enter together at start and then exit and re-enter on the same tick for ever, so the default fleet
     * acts in five lockstep groups of a fifth of its bots each — a worst case; a larger n spreads it out.
     */
    private final int variants = atLeastOne("DEAL_VARIANTS", "5");
    /**
     * DEAL_DEVIATIONS=n spreads the safety buys' distance below the entry over n values (default 1: 0.1 % times the
     * width for every bot; n: 0.1 … 0.2 %). With one value every bot that entered at the start has its safety buy at
     * the same price, and the whole fleet fills on one tick when the walk gets there.
     */
    private final int deviations = atLeastOne("DEAL_DEVIATIONS", "1");
    private String token;

    private ApiLoad(String base) {
        this.http = new PlainHttp(base);
    }

    /** An environment variable that counts values: a whole number of at least 1, or the run stops saying which. */
    private static int atLeastOne(String name, String fallback) {
        String value = System.getenv().getOrDefault(name, fallback);
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, was \"" + value + "\"");
    }

    /** Bot {@code n}'s take profit before the width: 0.05 % plus its variant's share of another 0.05 %. */
    private BigDecimal takeProfit(int n) {
        return new BigDecimal("0.05").add(new BigDecimal("0.05").multiply(share(n % variants, variants)));
    }

    /** Bot {@code n}'s safety buy distance before the width: 0.1 % plus a share of another 0.1 %. */
    private BigDecimal deviation(int n) {
        int index = (int) (n * 389L % deviations);  // a stride, so that it is not tied to the take profit's variant
        return new BigDecimal("0.1").add(new BigDecimal("0.1").multiply(share(index, deviations)));
    }

    private static BigDecimal share(int index, int of) {
        return BigDecimal.valueOf(index).divide(BigDecimal.valueOf(of), 6, java.math.RoundingMode.DOWN);
    }

    /** This process's CPU time, in nanoseconds (-1 where the JVM cannot tell). */
    private static long ownCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ApiLoad <base-url> <bots> <requests-per-second> <seconds>");
            System.exit(2);
        }
        ApiLoad load = new ApiLoad(args[0]);
        int bots = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        List<String> ids = load.fleet(bots);
        // JIT and caches: on 2 cores the server's C2 compiler alone took half a core for the first minute
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP_SECONDS", "60"));
        if (warmup > 0) {
            System.out.printf("API-LOAD warming up for %d s at the same rate (not measured)%n", warmup);
            load.run(ids, rate, warmup);
        }
        String scrapeToken = System.getenv("BOTFLEET_SCRAPE_TOKEN");
        ServerMetrics metrics = scrapeToken == null || scrapeToken.isBlank() ? null
                : new ServerMetrics(load.http, scrapeToken);
        ServerMetrics.Scrape before = metrics == null ? null : metrics.scrape();
        long ownCpuBefore = ownCpuNanos();
        long fillsBefore = load.fills();
        long started = System.nanoTime();
        Map<String, long[]> latencies = load.run(ids, rate, seconds);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long fillsAfter = load.fills();
        System.out.printf("API-LOAD bots=%d rate=%d/s seconds=%d deals closed during the run=%d (%.0f/s)%n", bots, rate, seconds,
                fillsAfter - fillsBefore, (fillsAfter - fillsBefore) / elapsed);
        if (metrics != null) {
            ServerMetrics.Scrape window = metrics.scrape().minus(before);
            System.out.printf("API-LOAD server: fills applied %.0f (%.0f/s); bot-ticks decided %.0f (%.0f/s);"
                            + " tick-to-decision p50 %s, p99 %s, p99.9 %s (%.2f %% within 5 ms); journal commits %.1f/s carrying %.1f units each"
                            + " (%.0f units/s), a write's wait for its commit p50 %s, p99 %s%n",
                    window.fills(), window.fills() / elapsed,
                    window.decisions(), window.decisions() / elapsed, window.percentileBound(50),
                    window.percentileBound(99), window.percentileBound(99.9), window.shareWithin(5),
                    window.commits() / elapsed,
                    window.commits() == 0 ? 0 : window.units() / window.commits(), window.units() / elapsed,
                    window.waitBound(50),
                    window.waitBound(99));
            System.out.printf("API-LOAD the API's requests inside the server: p50 %s, p90 %s, p99 %s, p99.9 %s%n",
                    window.requestBound(50), window.requestBound(90), window.requestBound(99),
                    window.requestBound(99.9));
            // on H2 a response waits for a commit step under way: how long they took, and how much of the time one was
            System.out.printf("API-LOAD commit steps: p50 %s, p99 %s; under way %.0f %% of the time (summed over the"
                            + " writers)%n", window.stepBound(50), window.stepBound(99),
                    100 * window.stepSeconds() / elapsed);
            // what the run cost the CPUs: the server's share against the load tool's own (both on this machine)
            System.out.printf("API-LOAD CPU: server %.2f cores (%.2f ms per request sent), this load tool %.2f cores%n",
                    window.cpuSeconds() / elapsed, rate == 0 ? 0 : window.cpuSeconds() * 1000 / ((double) rate * elapsed),
                    (ownCpuNanos() - ownCpuBefore) / 1e9 / elapsed);
        }
        if (rate > 0) report(latencies);
    }

    /** Registers a fresh user and creates and starts the fleet; returns the bot ids. */
    private List<String> fleet(int bots) throws Exception {
        String email = "load-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"correct-horse-9\"}";
        send("POST", "/api/v1/auth/register", credentials);
        token = send("POST", "/api/v1/auth/login", credentials).get("token").asString();
        ConcurrentLinkedQueue<String> made = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        List<java.util.concurrent.Future<Object>> creations = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < bots; i++) {
                int n = i;
                creations.add(pool.submit(() -> {
                    // DCA deals (market buy, take profit 0.05-0.09 % above, one safety buy 0.1 % below, stop 0.3 % below, again at once) trade
                    // wherever the sim walk goes; fixed-price scalpers stop trading once it wanders off their levels
                    String body = """
                            {"name":"load-%d","exchange":"sim","symbol":"BTC/USDT","strategy":"dca","mode":"PAPER",
                             "config":{"baseOrderSize":"20","safetyOrderSize":"20","maxSafetyOrders":1,"priceDeviation":"%s",
                                       "maxActiveSafetyOrders":1,"takeProfitPercent":"%s","stopLossPercent":"%s"}}"""
                            .formatted(n, width.multiply(deviation(n)).stripTrailingZeros().toPlainString(),
                                    width.multiply(takeProfit(n)).stripTrailingZeros().toPlainString(),
                                    width.multiply(new BigDecimal("0.3")));
                    String id = send("POST", "/api/v1/bots", body).get("id").asString();
                    send("POST", "/api/v1/bots/" + id + "/start", null);
                    made.add(id);
                    return null;
                }));
            }
        }
        for (var creation : creations) creation.get();  // a refused bot ends the run with the server's answer
        List<String> ids = new ArrayList<>(made);
        System.out.printf("API-LOAD fleet of %d created and started in %.1f s%n", ids.size(), (System.nanoTime() - started) / 1e9);
        return ids;
    }

    /** Fills of the user's fleet so far (the summary's total trades). */
    private long fills() throws Exception {
        return send("GET", "/api/v1/bots/statistics/summary", null).get("totalTrades").asLong();
    }

    private Map<String, long[]> run(List<String> bots, int rate, int seconds) throws Exception {
        Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();
        for (String call : CALLS) samples.put(call, new ConcurrentLinkedQueue<>());
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        if (rate == 0) {  // the fleet alone: just let it trade for the window
            LockSupport.parkNanos(seconds * 1_000_000_000L);
            return Map.of();
        }
        long interval = 1_000_000_000L / rate;
        int total = rate * seconds;
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        long start = System.nanoTime() + 100_000_000L;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                String call = CALLS.get(i % CALLS.size());
                String bot = bots.get(random.nextInt(bots.size()));
                String path = switch (call) {
                    case "bots" -> "/api/v1/bots?size=100";
                    case "summary" -> "/api/v1/bots/statistics/summary";
                    case "bot" -> "/api/v1/bots/" + bot;
                    default -> "/api/v1/bots/" + bot + "/" + call;
                };
                long wait;
                while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                senders.submit(() -> {
                    try {
                        PlainHttp.Response r = http.send("GET", path, token, null);
                        if (r.status() != 200) {
                            errors.incrementAndGet();
                            if (errorSamples.size() < 5) errorSamples.add(r.status() + " " + path);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (errorSamples.size() < 5) errorSamples.add(e + " " + path);
                    }
                    samples.get(call).add(System.nanoTime() - due);
                });
            }
        }
        System.out.printf("API-LOAD %d requests, %d errors %s%n", total, errors.get(), errorSamples);
        Map<String, long[]> sorted = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        for (String call : CALLS) {
            long[] values = samples.get(call).stream().mapToLong(Long::longValue).sorted().toArray();
            sorted.put(call, values);
            for (long v : values) all.add(v);
        }
        sorted.put("all", all.stream().mapToLong(Long::longValue).sorted().toArray());
        return sorted;
    }

    private static void report(Map<String, long[]> latencies) {
        System.out.println("API-LOAD call        count   p50 ms   p90 ms   p99 ms  p99.9 ms   max ms");
        latencies.forEach((call, v) -> System.out.printf("API-LOAD %-10s %7d %8.2f %8.2f %8.2f %9.2f %8.2f%n", call, v.length,
                ms(v, 50), ms(v, 90), ms(v, 99), ms(v, 99.9), v.length == 0 ? 0 : v[v.length - 1] / 1e6));
    }

    private static double ms(long[] sorted, double percentile) {
        if (sorted.length == 0) return 0;
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private JsonNode send(String method, String path, String body) throws Exception {
        PlainHttp.Response r = http.send(method, path, token, body);
        if (r.status() / 100 != 2) throw new IllegalStateException(method + " " + path + " answered " + r.status() + ": " + r.body());
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }
}
