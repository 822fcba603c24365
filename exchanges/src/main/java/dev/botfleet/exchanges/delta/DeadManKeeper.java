package dev.botfleet.exchanges.delta;

import dev.botfleet.exchanges.http.RestCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the key's dead-man switch alive while its user stream is open (docs "Deadman Switch"): once, POST
 * /v2/heartbeat/create {heartbeat_id, impact "contracts", contract_types ["perpetual_futures"], config
 * [{action "cancel_orders", unhealthy_count 1}]}; then POST /v2/heartbeat {heartbeat_id, ttl} every {@link #ACK_EVERY}.
 * If this process dies, the acknowledgements stop and Delta cancels the key's open perpetual orders when the ttl
 * ({@link #TTL}, 60 s) lapses. The heartbeat id is derived from the key, so a restarted server takes the same heartbeat
 * over before it lapses. Closing the stream on purpose sends ttl 0 (disabled).
 */
final class DeadManKeeper {
    private static final Logger log = LoggerFactory.getLogger(DeadManKeeper.class);
    static final Duration TTL = Duration.ofSeconds(60);
    static final Duration ACK_EVERY = Duration.ofSeconds(20);

    private final DeltaTradingClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("delta-deadman").factory());
    private volatile Duration ttl = TTL;
    private volatile Duration every = ACK_EVERY;
    private ScheduledFuture<?> task;
    private boolean created;

    DeadManKeeper(DeltaTradingClient client) {
        this.client = client;
    }

    /** For tests: a shorter ttl and acknowledgement period. */
    void timing(Duration ttl, Duration every) {
        this.ttl = ttl;
        this.every = every;
    }

    /** The first beat, on the caller's thread: the switch is armed before the stream reports itself subscribed. */
    void beatNow() {
        if (!scheduler.isShutdown()) beat();
    }

    synchronized void start() {
        if (task != null || scheduler.isShutdown()) return;
        task = scheduler.scheduleWithFixedDelay(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops acknowledging; {@code disable} also tells Delta to turn the switch off (a deliberate close). */
    synchronized void stop(boolean disable) {
        if (task != null) task.cancel(false);
        scheduler.shutdownNow();
        if (disable && created) {
            try {
                ack(0);
            } catch (RuntimeException e) {
                log.warn("delta: dead-man switch not disabled: {}", e.getMessage());
            }
        }
    }

    private void beat() {
        try {
            synchronized (this) {
                if (!created) {
                    client.send(RestCall.signedIdempotent("POST", "/v2/heartbeat/create", Map.of(),
                            "{\"heartbeat_id\":\"" + client.heartbeatId() + "\",\"impact\":\"contracts\","
                                    + "\"contract_types\":[\"perpetual_futures\"],"
                                    + "\"config\":[{\"action\":\"cancel_orders\",\"unhealthy_count\":1}]}", 1));
                    created = true;
                }
            }
            ack(ttl.toMillis());
        } catch (RuntimeException e) {
            // The next beat tries again; the ttl leaves room for a few misses.
            log.warn("delta: dead-man switch heartbeat failed: {}", e.getMessage());
        }
    }

    private void ack(long ttlMillis) {
        client.send(RestCall.signedIdempotent("POST", "/v2/heartbeat", Map.of(),
                "{\"heartbeat_id\":\"" + client.heartbeatId() + "\",\"ttl\":" + ttlMillis + "}", 1));
    }
}
