package dev.botfleet.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own view of a load run, from two scrapes of {@code /actuator/prometheus} (needs the server's
 * {@code botfleet.metrics.scrape-token}): fills applied to the bots' orders (persisted in the same turn) and the
 * tick-to-decision histogram of the {@code sim} exchange, whose buckets are the metric's service-level objectives
 * (1, 2, 5, 10, 25 ... ms): a percentile is reported as the bucket bound it falls under.
 */
final class ServerMetrics {
    private static final Pattern BUCKET = Pattern.compile(
            "^botfleet_tick_to_decision_seconds_bucket\\{[^}]*exchange=\"sim\"[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    private static final Pattern WAIT_BUCKET = Pattern.compile(
            "^botfleet_journal_wait_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);
    /** The API's requests as the server timed them (scripts/api-load.sh gives the timer these buckets). */
    private static final Pattern REQUEST_BUCKET = Pattern.compile(
            "^http_server_requests_seconds_bucket\\{(?=[^}]*uri=\"/api/v1/)[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    private static final Pattern FILLS = Pattern.compile(
            "^botfleet_fills_total\\{[^}]*exchange=\"sim\"[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);

    private static final Pattern COMMITS = Pattern.compile("^botfleet_journal_commits_total(?:\\{[^}]*})? ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    /** A group commit's commit step: on H2 an API response waits for the one under way. */
    private static final Pattern STEP_BUCKET = Pattern.compile(
            "^botfleet_journal_commit_step_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);
    private static final Pattern STEP_SUM = Pattern.compile(
            "^botfleet_journal_commit_step_seconds_sum(?:\\{[^}]*})? ([0-9.eE+]+)$", Pattern.MULTILINE);
    /** The server process's CPU time (Micrometer's process metrics), in seconds of CPU. */
    private static final Pattern CPU = Pattern.compile("^process_cpu_time_ns_total(?:\\{[^}]*})? ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    private static final Pattern UNITS = Pattern.compile("^botfleet_journal_units_total(?:\\{[^}]*})? ([0-9.eE+]+)$",
            Pattern.MULTILINE);

    /**
     * One scrape: cumulative bucket counts by upper bound (seconds; +Inf as infinity), the fills counter, and the
     * journal's group commits, the units of work they carried and the units' waits for their commit (buckets), and
     * the API requests' time inside the server (buckets; empty when the server keeps no histogram of them), and the
     * server process's CPU time in seconds, and the group commits' commit steps (buckets, and their total seconds).
     */
    record Scrape(Map<Double, Double> buckets, double fills, double commits, double units, Map<Double, Double> waits,
                  Map<Double, Double> requests, double cpuSeconds, Map<Double, Double> steps, double stepSeconds) {
        Scrape minus(Scrape earlier) {
            return new Scrape(delta(buckets, earlier.buckets), fills - earlier.fills, commits - earlier.commits,
                    units - earlier.units, delta(waits, earlier.waits), delta(requests, earlier.requests),
                    cpuSeconds - earlier.cpuSeconds, delta(steps, earlier.steps), stepSeconds - earlier.stepSeconds);
        }

        /** The same for the group commits' commit steps. */
        String stepBound(double percentile) {
            return bound(steps, percentile);
        }

        private static Map<Double, Double> delta(Map<Double, Double> now, Map<Double, Double> before) {
            Map<Double, Double> delta = new TreeMap<>();
            now.forEach((le, n) -> delta.put(le, n - before.getOrDefault(le, 0.0)));
            return delta;
        }

        /** The smallest bucket bound (ms) under which at least {@code percentile} % of the ticks were decided. */
        String percentileBound(double percentile) {
            return bound(buckets, percentile);
        }

        /**
         * The share of the ticks decided within {@code millis} (a bucket bound), in %: finer than a percentile's bucket
         * for telling two runs apart near issue 16's target (5 ms: p99 meets it when this is 99 % or more).
         */
        double shareWithin(double millis) {
            double total = decisions();
            return total == 0 ? Double.NaN : 100 * buckets.getOrDefault(millis / 1000, 0.0) / total;
        }

        /**
         * The same for the API's requests as the server timed them, from its filter's entry to its response: the
         * part of the client's time that the server's own code took (the rest is queueing before it, and the client).
         */
        String requestBound(double percentile) {
            return bound(requests, percentile);
        }

        /** The same for the bots' writes' wait for their group commit ({@code botfleet.journal.wait}). */
        String waitBound(double percentile) {
            return bound(waits, percentile);
        }

        private static double largestBound(Map<Double, Double> buckets) {
            return buckets.keySet().stream().filter(le -> !le.isInfinite()).max(Double::compare).orElse(0.0);
        }

        private static String bound(Map<Double, Double> buckets, double percentile) {
            double total = buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
            if (total == 0) return "n/a";
            for (Map.Entry<Double, Double> e : buckets.entrySet()) {
                if (e.getValue() >= total * percentile / 100) {
                    return e.getKey().isInfinite() ? "> " + Math.round(largestBound(buckets) * 1000) + " ms"
                            : "≤ " + Math.round(e.getKey() * 1000) + " ms";
                }
            }
            return "n/a";
        }

        double decisions() {
            return buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        }
    }

    private final PlainHttp http;
    private final String token;

    ServerMetrics(PlainHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    Scrape scrape() throws Exception {
        PlainHttp.Response r = http.send("GET", "/actuator/prometheus", token, null);
        if (r.status() != 200) throw new IllegalStateException("/actuator/prometheus answered " + r.status());
        double fills = 0;
        Matcher f = FILLS.matcher(r.body());
        while (f.find()) fills += Double.parseDouble(f.group(1));
        return new Scrape(buckets(BUCKET, r.body()), fills, sum(COMMITS, r.body()), sum(UNITS, r.body()),
                buckets(WAIT_BUCKET, r.body()), buckets(REQUEST_BUCKET, r.body()), sum(CPU, r.body()) / 1e9,
                buckets(STEP_BUCKET, r.body()), sum(STEP_SUM, r.body()));
    }

    /** Cumulative bucket counts by upper bound (seconds; +Inf as infinity), summed over the metric's tags. */
    private static Map<Double, Double> buckets(Pattern bucket, String body) {
        Map<Double, Double> buckets = new TreeMap<>();
        Matcher b = bucket.matcher(body);
        while (b.find()) {
            double le = b.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(b.group(1));
            buckets.merge(le, Double.parseDouble(b.group(2)), Double::sum);
        }
        return buckets;
    }

    private static double sum(Pattern metric, String body) {
        double total = 0;
        Matcher m = metric.matcher(body);
        while (m.find()) total += Double.parseDouble(m.group(1));
        return total;
    }
}
