package dev.botfleet.exchanges.http;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Sends a venue's REST calls with everything a live venue demands: the client-side rate limiter, the venue-wide
 * ban/pause gate, a circuit breaker, clock-offset signing with one resync on a timestamp refusal, and retries with
 * backoff for idempotent calls only. A call whose answer is lost after it may have reached the venue fails with
 * {@link Kind#ANSWER_LOST} unless it is idempotent: a new order is never sent twice from here.
 *
 * <p>Log lines name the method, path, status and time, never parameters, headers or bodies (signatures and keys).
 */
public final class RestClient {
    private static final Logger log = LoggerFactory.getLogger(RestClient.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Process-wide, like a metrics registry: venues build their clients deep inside, the server sets it once. */
    private static volatile RestObserver observer = RestObserver.NONE;

    /** Where every client reports its calls (the server's metrics); {@code null} reports nowhere. */
    public static void observer(RestObserver o) { observer = o == null ? RestObserver.NONE : o; }

    /** How hard to try. */
    public record Policy(int maxAttempts, Duration timeout, long backoffMillis, long maxBackoffMillis) {
        public static final Policy DEFAULT = new Policy(4, Duration.ofSeconds(10), 200, 5_000);
    }

    private final String baseUrl;
    private final HttpClient http;
    private final RequestSigner signer;
    private final VenueRules rules;
    private final RateLimiter limiter;
    private final VenueGate gate;
    private final CircuitBreaker breaker;
    private final ClockOffset clock;
    private final Sleeper sleeper;
    private final Policy policy;
    private final java.util.function.LongSupplier venueTime;

    /**
     * @param venueTime asks the venue for its time (an unsigned call), used to resync {@code clock}
     */
    public RestClient(String baseUrl, HttpClient http, RequestSigner signer, VenueRules rules, RateLimiter limiter,
                      VenueGate gate, CircuitBreaker breaker, ClockOffset clock, Sleeper sleeper, Policy policy,
                      java.util.function.LongSupplier venueTime) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
        this.signer = signer;
        this.rules = rules;
        this.limiter = limiter;
        this.gate = gate;
        this.breaker = breaker;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
        this.venueTime = venueTime;
    }

    public String baseUrl() { return baseUrl; }

    public ClockOffset clock() { return clock; }

    public CircuitBreaker breaker() { return breaker; }

    public RateLimiter limiter() { return limiter; }

    public VenueGate gate() { return gate; }

    /** Sends the call and parses the JSON answer. */
    public JsonNode send(RestCall call) {
        String body = sendRaw(call);
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (RuntimeException e) {
            throw new VenueException(Kind.UNAVAILABLE, rules.venue(), null,
                    call.describe() + " answered something that is not JSON");
        }
    }

    public String sendRaw(RestCall call) {
        boolean resynced = false;
        long backoff = policy.backoffMillis();
        VenueException last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            checkGate(call);
            if (!breaker.allow()) {
                throw new VenueException(Kind.CIRCUIT_OPEN, rules.venue(), null, "calls paused after repeated failures ("
                        + breaker.lastFailure() + "); next try in " + breaker.millisUntilTrial() + " ms");
            }
            long queued = System.nanoTime();
            try {
                limiter.acquire(call.weight(), call.order());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VenueException(Kind.UNAVAILABLE, rules.venue(), null, "interrupted");
            }
            long limited = (System.nanoTime() - queued) / 1_000_000;
            if (limited > 0) observer.waited(rules.venue(), limited, false);
            HttpRequest signed = signer.build(baseUrl, call, clock.venueMillis());
            HttpRequest request = HttpRequest.newBuilder(signed, (name, value) -> true).timeout(policy.timeout()).build();
            long started = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException | java.net.ConnectException e) {
                last = transportFailure(call, e, e instanceof java.net.ConnectException);
                observer.attempted(rules.venue(), System.nanoTime() - started, last.kind());
                if (last.kind() == Kind.ANSWER_LOST) throw last;
                backoff = pause(backoff);
                continue;
            } catch (IOException e) {
                last = transportFailure(call, e, false);
                observer.attempted(rules.venue(), System.nanoTime() - started, last.kind());
                if (last.kind() == Kind.ANSWER_LOST) throw last;
                backoff = pause(backoff);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VenueException(Kind.ANSWER_LOST, rules.venue(), null, "interrupted while waiting for "
                        + call.describe());
            }
            long nanos = System.nanoTime() - started;
            long millis = nanos / 1_000_000;
            rules.observe(response.headers(), limiter);
            VenueException error = rules.classify(response.statusCode(), response.headers(), response.body());
            observer.attempted(rules.venue(), nanos, error == null ? null : error.kind());
            log.debug("{} {} -> {} in {} ms", rules.venue(), call.describe(), response.statusCode(), millis);
            if (error == null) {
                breaker.success();
                return response.body();
            }
            last = error;
            switch (error.kind()) {
                case TIMESTAMP -> {
                    breaker.success();
                    if (resynced) throw error;
                    clock.resync(venueTime);
                    resynced = true;
                    log.info("{}: timestamp refused; clock offset now {} ms", rules.venue(), clock.offsetMillis());
                }
                case RATE_LIMITED -> {
                    // The venue refused before acting, so even a new order may go again once the wait is over.
                    long wait = error.retryAfter() == null ? backoff : error.retryAfter().toMillis();
                    gate.pause(wait);
                    log.warn("{}: rate limited on {}; waiting {} ms as told", rules.venue(), call.describe(), wait);
                }
                case BANNED -> {
                    long wait = error.retryAfter() == null ? 120_000 : error.retryAfter().toMillis();
                    gate.ban(wait);
                    log.warn("{}: address banned (418) for {} ms; every call to it stops until then", rules.venue(), wait);
                    throw error;
                }
                case UNAVAILABLE -> {
                    breaker.failure(error.getMessage());
                    if (!call.idempotent()) {
                        // A 5xx on a new order leaves its outcome unknown (the venue may have executed it).
                        throw new VenueException(Kind.ANSWER_LOST, rules.venue(), error.venueCode(),
                                call.describe() + " failed with an unknown outcome: " + error.getMessage());
                    }
                    backoff = pause(backoff);
                }
                default -> {
                    breaker.success();
                    throw error;
                }
            }
        }
        throw last;
    }

    private void checkGate(RestCall call) {
        long banned = gate.bannedFor();
        if (banned > 0) {
            throw new VenueException(Kind.BANNED, rules.venue(), "418", "address banned by the venue for another "
                    + banned + " ms; " + call.describe() + " not sent", Duration.ofMillis(banned));
        }
        long paused = gate.pausedFor();
        if (paused > 0) {
            observer.waited(rules.venue(), paused, true);
            try {
                sleeper.sleep(paused);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VenueException(Kind.UNAVAILABLE, rules.venue(), null, "interrupted");
            }
        }
    }

    /**
     * A connect failure means nothing was sent: always safe to retry. Any other I/O failure may have reached the venue:
     * only an idempotent call is retried.
     */
    private VenueException transportFailure(RestCall call, Exception e, boolean notSent) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        breaker.failure(what);
        log.warn("{}: {} failed: {}", rules.venue(), call.describe(), what);
        if (!notSent && !call.idempotent()) {
            return new VenueException(Kind.ANSWER_LOST, rules.venue(), null, call.describe()
                    + " sent but no answer (" + what + ")");
        }
        return new VenueException(Kind.UNAVAILABLE, rules.venue(), null, call.describe() + " failed (" + what + ")");
    }

    private long pause(long backoff) {
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException(Kind.UNAVAILABLE, rules.venue(), null, "interrupted");
        }
        return Math.min(backoff * 2, policy.maxBackoffMillis());
    }

    /** A JDK HTTP client with a connect timeout; one per venue is enough. */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }
}
